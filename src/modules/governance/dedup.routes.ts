import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { GovernanceRouteOptions } from './governance-routes-common.js'
import { tags } from './governance-routes-common.js'
import {
  ClusterParams,
  ClusterView,
  CodeParams,
  DecisionBody,
  DecisionView,
  DedupBody,
  DedupRunView,
  IdParams,
  PageQuery,
} from './governance.schema.js'
import { Type } from 'typebox'

/** 重复数据: dedup runs on received files, their clusters, and reviewers' decisions. */
export const dedupRoutes: FastifyPluginAsyncTypebox<GovernanceRouteOptions> = async (app, o) => {
  app.post(
    '/datasets/:code/dedup-runs',
    {
      config: { access: { action: 'governance.check.run' } },
      schema: {
        tags,
        summary:
          '对数据集收到的人口或法人文件查重（202：已排队）Search a received person or enterprise file for duplicates',
        params: CodeParams,
        body: DedupBody,
        response: { 202: DedupRunView },
      },
    },
    async (req, reply) =>
      reply
        .status(202)
        .send(await o.dedup.start(o.actorOf(req), req.params.code, req.body.fileHash)),
  )
  app.get(
    '/dedup-runs/:id',
    {
      config: { access: { action: 'governance.result.read' } },
      schema: {
        tags,
        summary: '查重运行 A dedup run',
        params: IdParams,
        response: { 200: DedupRunView },
      },
    },
    (req) => o.dedup.get(o.actorOf(req), req.params.id),
  )
  app.get(
    '/dedup-runs/:id/clusters',
    {
      config: { access: { action: 'governance.result.read' } },
      schema: {
        tags,
        summary:
          '疑似重复组及逐字段证据（未审核、把握小的在前）Clusters with per-field evidence, unreviewed and least certain first',
        params: IdParams,
        querystring: PageQuery,
        response: {
          200: Type.Object({
            runId: Type.String(),
            total: Type.Integer(),
            clusters: Type.Array(ClusterView),
          }),
        },
      },
    },
    (req) =>
      o.dedup.clusters(o.actorOf(req), req.params.id, {
        offset: req.query.offset ?? 0,
        limit: req.query.limit ?? 100,
      }),
  )
  app.post(
    '/dedup-runs/:id/clusters/:clusterId/decisions',
    {
      config: { access: { action: 'governance.cluster.review' } },
      schema: {
        tags,
        summary:
          '审核疑似重复组：确认为同一实体或拆分（须说明理由；以后的查重沿用）Confirm or split a cluster, with a reason; later runs keep it',
        params: ClusterParams,
        body: DecisionBody,
        response: { 201: DecisionView },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await o.review.decide(o.actorOf(req), req.params.id, req.params.clusterId, req.body)),
  )
}
