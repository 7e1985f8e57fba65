import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { tags, type ApprovalRouteOptions } from './approval-routes-common.js'
import { IdParams, ReasonBody, StepResult } from './approval.schema.js'
import { SPECIAL_PROCEDURE_KINDS } from './sla/index.js'

/** 延期、特别程序、抄送、跳转、终止 Extensions, special procedures, copies, admin. */
export const caseAdminRoutes: FastifyPluginAsyncTypebox<ApprovalRouteOptions> = async (app, o) => {
  app.post(
    '/tasks/:id/extension',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '申请延期（≤ 10 个工作日，一次）Ask for an extension',
        params: IdParams,
        body: Type.Object({
          days: Type.Integer({ minimum: 1, maximum: 15 }),
          reason: Type.String({ minLength: 1, maxLength: 2000 }),
        }),
        response: { 200: StepResult },
      },
    },
    (req) =>
      o.tasks.requestExtension(o.actorOf(req), req.params.id, req.body.days, req.body.reason),
  )
  app.post(
    '/cases/:id/extension/decision',
    {
      config: { access: { action: 'application.task.decide' } },
      schema: {
        tags,
        summary: '审批延期申请 Decide an extension request',
        params: IdParams,
        body: Type.Object({ granted: Type.Boolean() }),
        response: {
          200: Type.Object({
            caseId: Type.String(),
            status: Type.String(),
            granted: Type.Boolean(),
          }),
        },
      },
    },
    (req) => o.tasks.decideExtension(o.actorOf(req), req.params.id, req.body.granted),
  )
  app.post(
    '/tasks/:id/special-procedures',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          '特别程序开始或结束（听证、检验检测、专家评审…，期间不计时限）Start or end a special procedure',
        params: IdParams,
        body: Type.Object({
          kind: Type.Union(SPECIAL_PROCEDURE_KINDS.map((k) => Type.Literal(k))),
          change: Type.Union([Type.Literal('start'), Type.Literal('end')]),
          reason: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
        response: { 200: StepResult },
      },
    },
    (req) =>
      o.tasks.specialProcedure(
        o.actorOf(req),
        req.params.id,
        req.body.kind,
        req.body.change,
        req.body.reason,
      ),
  )
  app.post(
    '/tasks/:id/copies',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '抄送本部门同事 Copy the case to colleagues',
        params: IdParams,
        body: Type.Object({
          to: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), {
            minItems: 1,
            maxItems: 20,
          }),
          note: Type.Optional(Type.String({ maxLength: 1000 })),
        }),
        response: { 200: StepResult },
      },
    },
    (req) => o.tasks.copyTo(o.actorOf(req), req.params.id, req.body.to, req.body.note ?? ''),
  )
  app.get(
    '/copies',
    {
      config: { access: { action: 'application.task.read' } },
      schema: {
        tags,
        summary: '抄送我的办件 Cases copied to me',
        querystring: Type.Object({ unread: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.Array(Type.Record(Type.String(), Type.Unknown())) },
      },
    },
    (req) => o.tasks.myCopies(o.actorOf(req), req.query.unread ?? false),
  )
  app.post(
    '/copies/:id/read',
    {
      config: { access: { action: 'application.task.read' } },
      schema: {
        tags,
        summary: '标记已阅 Mark a copy read',
        params: IdParams,
        response: { 200: Type.Object({ id: Type.String(), readAt: Type.String() }) },
      },
    },
    (req) => o.tasks.markCopyRead(o.actorOf(req), req.params.id),
  )
  app.post(
    '/tasks/:id/jump',
    {
      config: { access: { action: 'application.case.administer' } },
      schema: {
        tags,
        summary: '跳转（部门管理员，须说明理由）Move a task to another step (admin)',
        params: IdParams,
        body: Type.Object({
          nodeId: Type.String({ minLength: 1, maxLength: 100 }),
          reason: Type.String({ minLength: 1, maxLength: 2000 }),
        }),
        response: { 200: StepResult },
      },
    },
    (req) => o.tasks.jump(o.actorOf(req), req.params.id, req.body.nodeId, req.body.reason),
  )
  app.post(
    '/cases/:id/terminate',
    {
      config: { access: { action: 'application.case.administer' } },
      schema: {
        tags,
        summary: '终止办理（部门管理员，须说明理由）Terminate a case (admin)',
        params: IdParams,
        body: ReasonBody,
        response: { 200: Type.Object({ caseId: Type.String(), status: Type.String() }) },
      },
    },
    (req) => o.tasks.terminate(o.actorOf(req), req.params.id, req.body.reason),
  )
}
