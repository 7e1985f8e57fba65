import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { tags, Page, type ApprovalRouteOptions } from './approval-routes-common.js'
import {
  ApplicationSummary,
  ApplicationView,
  CaseClock,
  CorrectionNotice,
  IdParams,
  ReasonBody,
  SubmitBody,
  TimelineEntry,
} from './approval.schema.js'

/** 申请人：提交、进度、时限、补正、撤回、催办 Applicant routes. */
export const applicationRoutes: FastifyPluginAsyncTypebox<ApprovalRouteOptions> = async (
  app,
  o,
) => {
  app.post(
    '/applications',
    {
      // Citizens submit for themselves; counter staff for a citizen (checked in the service).
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '提交申请（事项或“一件事”，支持 Idempotency-Key）Submit an application',
        body: SubmitBody,
        response: { 201: Type.Object({ id: Type.String(), caseNumber: Type.String() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await o.submissions.submit(o.actorOf(req), req.body)),
  )
  app.get(
    '/applications',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags,
        summary: '我的办件 My applications',
        querystring: Page,
        response: { 200: Type.Array(ApplicationSummary) },
      },
    },
    (req) => o.applications.listMine(o.actorOf(req), req.query),
  )
  app.get(
    '/applications/:id',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags,
        summary: '办件状态（编号或 id）Application status',
        params: IdParams,
        response: { 200: ApplicationView },
      },
    },
    // Bytes bypass the schema serialiser; the view is built field by field, so nothing leaks.
    async (req, reply) => {
      const json = await o.applications.getSerialised(o.actorOf(req), req.params.id)
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(json)
    },
  )
  app.get(
    '/applications/:id/timeline',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags,
        summary: '办理时间线 Timeline of every department',
        params: IdParams,
        response: { 200: Type.Array(TimelineEntry) },
      },
    },
    (req) => o.applications.timeline(o.actorOf(req), req.params.id),
  )
  app.get(
    '/applications/:id/clocks',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags,
        summary: '办理时限（承诺/法定，按工作日）Statutory clocks of each case',
        params: IdParams,
        response: { 200: Type.Array(CaseClock) },
      },
    },
    (req) => o.applications.clocks(o.actorOf(req), req.params.id),
  )
  app.get(
    '/applications/:id/joint-clock',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags,
        summary: '联合办理时限（45 个工作日，可延长 15 日）Joint-handling clock of a bundle',
        params: IdParams,
        response: {
          200: Type.Object({
            applicationId: Type.String(),
            clock: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
            refusal: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    (req) => o.applications.jointClock(o.actorOf(req), req.params.id),
  )
  app.get(
    '/applications/:id/correction-notice',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags,
        summary: '一次性补正告知 Merged correction notice',
        params: IdParams,
        response: { 200: CorrectionNotice },
      },
    },
    (req) => o.applications.correctionNotice(o.actorOf(req), req.params.id),
  )
  app.put(
    '/applications/:id/form',
    {
      config: { access: { action: 'application.submit' } },
      schema: {
        tags,
        summary: '补正后重新提交 Resubmit the corrected form',
        params: IdParams,
        body: Type.Object({ form: Type.Record(Type.String(), Type.Unknown()) }),
        response: { 200: Type.Object({ id: Type.String(), status: Type.String() }) },
      },
    },
    (req) => o.applications.resubmit(o.actorOf(req), req.params.id, req.body.form),
  )
  app.post(
    '/applications/:id/withdraw',
    {
      config: { access: { action: 'application.withdraw' } },
      schema: {
        tags,
        summary: '撤回 Withdraw (cases not yet decided)',
        params: IdParams,
        body: ReasonBody,
        response: { 200: Type.Object({ id: Type.String(), status: Type.String() }) },
      },
    },
    (req) => o.applications.withdraw(o.actorOf(req), req.params.id, req.body.reason),
  )
  app.post(
    '/cases/:id/urge',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags,
        summary: '催办（超过承诺时限）Urge a case past its promised deadline',
        params: IdParams,
        response: { 200: Type.Object({ id: Type.String(), status: Type.String() }) },
      },
    },
    (req) => o.applications.urge(o.actorOf(req), req.params.id),
  )
}
