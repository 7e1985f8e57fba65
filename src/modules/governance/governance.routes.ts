import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { dedupRoutes } from './dedup.routes.js'
import type { GovernanceRouteOptions } from './governance-routes-common.js'
import { sharedOptions, tags } from './governance-routes-common.js'
import {
  AlertQuery,
  AlertView,
  CheckRunSummary,
  CheckRunView,
  CodeParams,
  DatasetBody,
  DatasetView,
  IdParams,
  TrendQuery,
  TrendView,
} from './governance.schema.js'
import { uploadRoutes } from './upload.routes.js'

/** 数据治理: datasets, quality checks of uploaded files, score trends, alerts, duplicates. */
export const governanceRoutes: FastifyPluginAsyncTypebox<GovernanceRouteOptions> = async (
  app,
  o,
) => {
  await app.register(uploadRoutes, sharedOptions(o))
  await app.register(dedupRoutes, sharedOptions(o))
  app.post(
    '/datasets',
    {
      config: { access: { action: 'governance.dataset.manage' } },
      schema: {
        tags,
        summary: '登记数据集（数据标准、责任部门、来源系统）Register a dataset',
        body: DatasetBody,
        response: { 201: DatasetView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await o.datasets.register(o.actorOf(req), req.body)),
  )
  app.get(
    '/datasets',
    {
      config: { access: { action: 'governance.result.read' } },
      schema: {
        tags,
        summary: '可查看的数据集 Datasets the caller may read',
        response: { 200: Type.Array(DatasetView) },
      },
    },
    (req) => o.datasets.list(o.actorOf(req)),
  )
  app.get(
    '/datasets/:code',
    {
      config: { access: { action: 'governance.result.read' } },
      schema: {
        tags,
        summary: '数据集 A dataset',
        params: CodeParams,
        response: { 200: DatasetView },
      },
    },
    (req) => o.datasets.get(o.actorOf(req), req.params.code),
  )
  app.get(
    '/datasets/:code/check-runs',
    {
      config: { access: { action: 'governance.result.read' } },
      schema: {
        tags,
        summary: '数据集最近的检查 A dataset’s latest check runs, newest first',
        params: CodeParams,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: { 200: Type.Array(CheckRunSummary) },
      },
    },
    (req) => o.checks.list(o.actorOf(req), req.params.code, req.query.limit ?? 50),
  )
  app.get(
    '/datasets/:code/scores',
    {
      config: { access: { action: 'governance.result.read' } },
      schema: {
        tags,
        summary:
          '质量得分趋势（数据集、维度、数据元或规则）A score over time: dataset, dimension, element or rule',
        params: CodeParams,
        querystring: TrendQuery,
        response: { 200: TrendView },
      },
    },
    (req) => o.checks.trend(o.actorOf(req), req.params.code, req.query),
  )
  app.get(
    '/check-runs/:id',
    {
      config: { access: { action: 'governance.result.read' } },
      schema: {
        tags,
        summary:
          '检查结果：状态、各维度/数据元/规则得分、失败样例 A check run with scores and samples',
        params: IdParams,
        response: { 200: CheckRunView },
      },
    },
    (req) => o.checks.get(o.actorOf(req), req.params.id),
  )
  app.get(
    '/alerts',
    {
      config: { access: { action: 'governance.result.read' } },
      schema: {
        tags,
        summary: '数据质量告警 Alerts on the datasets the caller may read',
        querystring: AlertQuery,
        response: { 200: Type.Array(AlertView) },
      },
    },
    (req) => o.alerts.list(o.actorOf(req), req.query),
  )
  app.post(
    '/alerts/:id/acknowledge',
    {
      config: { access: { action: 'governance.alert.ack' } },
      schema: {
        tags,
        summary: '确认告警 Acknowledge an alert',
        params: IdParams,
        body: Type.Optional(
          Type.Object(
            { note: Type.Optional(Type.String({ maxLength: 1000 })) },
            { additionalProperties: false },
          ),
        ),
        response: { 200: AlertView },
      },
    },
    (req) => o.alerts.acknowledge(o.actorOf(req), req.params.id, req.body?.note ?? null),
  )
}
