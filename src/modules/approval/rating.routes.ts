import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { tags, type ApprovalRouteOptions } from './approval-routes-common.js'
import { IdParams, RatingStatistics, WorkOrderView } from './approval.schema.js'

/** 好差评、整改工单与统计 Ratings, work orders, statistics. */
export const ratingRoutes: FastifyPluginAsyncTypebox<ApprovalRouteOptions> = async (app, o) => {
  app.post(
    '/cases/:id/rating',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags,
        summary: '好差评：评价已办结的办件 Rate a finished case (1–5; 1–2 open a work order)',
        params: IdParams,
        body: Type.Object({
          score: Type.Integer({ minimum: 1, maximum: 5 }),
          tags: Type.Optional(
            Type.Array(Type.String({ minLength: 1, maxLength: 30 }), { maxItems: 10 }),
          ),
          comment: Type.Optional(Type.String({ maxLength: 1000 })),
        }),
        response: {
          201: Type.Object({
            ratingId: Type.String(),
            score: Type.Integer(),
            workOrder: Type.Union([WorkOrderView, Type.Null()]),
          }),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await o.ratings.rate(o.actorOf(req), req.params.id, req.body)),
  )
  app.get(
    '/statistics/on-time',
    {
      config: { access: { action: 'application.task.read' } },
      schema: {
        tags,
        summary: '按时办结率（部门、事项）On-time rates per department and item',
        response: { 200: Type.Record(Type.String(), Type.Unknown()) },
      },
    },
    () => o.slaWatch.onTimeRates(),
  )
  app.get(
    '/ratings/statistics',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags,
        summary: '好差评统计（按部门、事项）Satisfaction per department and item',
        response: { 200: Type.Array(RatingStatistics) },
      },
    },
    () => o.ratings.statistics(),
  )
  app.get(
    '/work-orders',
    {
      config: { access: { action: 'application.task.read' } },
      schema: {
        tags,
        summary: '差评整改工单 Rectification work orders of my departments',
        querystring: Type.Object({
          status: Type.Optional(
            Type.Union(
              ['open', 'responded', 'rectified', 'appealed', 'closed'].map((s) => Type.Literal(s)),
            ),
          ),
        }),
        response: { 200: Type.Array(WorkOrderView) },
      },
    },
    (req) => o.ratings.workOrders(o.actorOf(req), req.query as { status?: 'open' }),
  )
  const textBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 2000 }) })
  app.post(
    '/work-orders/:id/response',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '响应差评 Respond',
        params: IdParams,
        body: textBody,
        response: { 200: WorkOrderView },
      },
    },
    (req) => o.ratings.respond(o.actorOf(req), req.params.id, req.body.text),
  )
  app.post(
    '/work-orders/:id/rectification',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '整改完成 Report the rectification',
        params: IdParams,
        body: textBody,
        response: { 200: WorkOrderView },
      },
    },
    (req) => o.ratings.rectify(o.actorOf(req), req.params.id, req.body.text),
  )
  app.post(
    '/work-orders/:id/appeal',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '申诉（附证据）Appeal with evidence',
        params: IdParams,
        body: Type.Object({
          reason: Type.String({ minLength: 1, maxLength: 2000 }),
          evidence: Type.Array(Type.String({ maxLength: 500 }), { minItems: 1, maxItems: 20 }),
        }),
        response: { 200: WorkOrderView },
      },
    },
    (req) => o.ratings.appeal(o.actorOf(req), req.params.id, req.body),
  )
  app.post(
    '/work-orders/:id/fix-rating',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '评价整改结果 Rate the fix',
        params: IdParams,
        body: Type.Object({ score: Type.Integer({ minimum: 1, maximum: 5 }) }),
        response: { 200: WorkOrderView },
      },
    },
    (req) => o.ratings.rateFix(o.actorOf(req), req.params.id, req.body.score),
  )
}
