import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { tags, type ApprovalRouteOptions } from './approval-routes-common.js'
import { IdParams } from './approval.schema.js'

const Params = Type.Object({ code: Type.String({ minLength: 1, maxLength: 80 }) })
const PartyQuery = Type.Object({
  enterpriseId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
})
const DraftView = Type.Object({
  code: Type.String(),
  kind: Type.Union([Type.Literal('item'), Type.Literal('bundle')]),
  enterpriseId: Type.Union([Type.String(), Type.Null()]),
  form: Type.Record(Type.String(), Type.Unknown()),
  updatedAt: Type.String(),
})

/** 草稿 Application drafts of the signed-in applicant, resumable on any device. */
export const draftRoutes: FastifyPluginAsyncTypebox<ApprovalRouteOptions> = async (app, o) => {
  app.get(
    '/application-drafts/:code',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags,
        summary: '读取草稿（本人或所代理企业）Read my draft of an item or bundle',
        params: Params,
        querystring: PartyQuery,
        response: { 200: DraftView },
      },
    },
    (req) => o.drafts.get(o.actorOf(req), { code: req.params.code, ...req.query }),
  )
  app.put(
    '/application-drafts/:code',
    {
      config: { access: { action: 'application.submit' } },
      schema: {
        tags,
        summary: '保存草稿 Save my draft (replaces the previous one)',
        params: Params,
        body: Type.Object({
          kind: Type.Union([Type.Literal('item'), Type.Literal('bundle')]),
          enterpriseId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
          form: Type.Record(Type.String(), Type.Unknown()),
        }),
        response: { 200: DraftView },
      },
    },
    (req) => o.drafts.save(o.actorOf(req), { code: req.params.code, ...req.body }),
  )
  app.delete(
    '/application-drafts/:code',
    {
      config: { access: { action: 'application.submit' } },
      schema: {
        tags,
        summary: '删除草稿 Discard my draft',
        params: Params,
        querystring: PartyQuery,
      },
    },
    async (req, reply) => {
      await o.drafts.discard(o.actorOf(req), { code: req.params.code, ...req.query })
      return reply.status(204).send()
    },
  )
  app.get(
    '/applications/:id/submitted-form',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags,
        summary: '我提交的申请表（用于补正后重新提交）The form of my application as last submitted',
        params: IdParams,
        response: { 200: Type.Object({ form: Type.Record(Type.String(), Type.Unknown()) }) },
      },
    },
    async (req) => ({ form: await o.drafts.submittedForm(o.actorOf(req), req.params.id) }),
  )
}
