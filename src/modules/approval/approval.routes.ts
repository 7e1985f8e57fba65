import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { Actor } from '../../platform/auth/principal.js'
import type { ApplicationService } from './application.service.js'
import {
  ApplicationSummary,
  ApplicationView,
  CaseClock,
  CorrectionBody,
  CorrectionNotice,
  DecisionBody,
  IdParams,
  LicenceVerification,
  LicenceView,
  RatingStatistics,
  WorkOrderView,
  ReasonBody,
  StepResult,
  SubmitBody,
  TaskView,
  TimelineEntry,
} from './approval.schema.js'
import type { SubmissionService } from './submission.service.js'
import type { LicenceService } from './licence.service.js'
import { MATERIAL_TYPES, MAX_MATERIAL_BYTES, type MaterialService } from './material.service.js'
import type { RatingService } from './rating.service.js'
import type { SlaWatch } from './sla-watch.service.js'
import { SPECIAL_PROCEDURE_KINDS } from './sla/index.js'
import type { TaskService } from './task.service.js'

export interface ApprovalRouteOptions {
  submissions: SubmissionService
  applications: ApplicationService
  tasks: TaskService
  licences: LicenceService
  ratings: RatingService
  materials: MaterialService
  slaWatch: SlaWatch
  actorOf(request: FastifyRequest): Actor
}

const tags = ['approval 办件']
const Page = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
})

export const approvalRoutes: FastifyPluginAsyncTypebox<ApprovalRouteOptions> = async (app, o) => {
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
    (req) => o.applications.get(o.actorOf(req), req.params.id),
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
  app.get(
    '/tasks',
    {
      config: { access: { action: 'application.task.read' } },
      schema: {
        tags,
        summary: '部门待办 Department queue',
        querystring: Type.Intersect([
          Page,
          Type.Object({
            state: Type.Optional(
              Type.Union([
                Type.Literal('open'),
                Type.Literal('suspended'),
                Type.Literal('completed'),
                Type.Literal('cancelled'),
              ]),
            ),
          }),
        ]),
        response: { 200: Type.Array(TaskView) },
      },
    },
    (req) => o.tasks.queue(o.actorOf(req), req.query),
  )
  app.get(
    '/tasks/:id',
    {
      config: { access: { action: 'application.task.read' } },
      schema: {
        tags,
        summary: '任务详情（按本环节字段权限显示表单）Task with the form as this step may see it',
        params: IdParams,
        response: { 200: Type.Record(Type.String(), Type.Unknown()) },
      },
    },
    (req) => o.tasks.detail(o.actorOf(req), req.params.id),
  )
  app.post(
    '/tasks/:id/claim',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '签收 Claim', params: IdParams, response: { 200: StepResult } },
    },
    (req) => o.tasks.claim(o.actorOf(req), req.params.id),
  )
  app.post(
    '/tasks/:id/decision',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '办理：同意或不同意 Approve or reject',
        params: IdParams,
        body: DecisionBody,
        response: { 200: StepResult },
      },
    },
    (req) => o.tasks.decide(o.actorOf(req), req.params.id, req.body),
  )
  app.post(
    '/tasks/:id/correction',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '要求补正 Ask for corrections',
        params: IdParams,
        body: CorrectionBody,
        response: { 200: StepResult },
      },
    },
    (req) => o.tasks.requestCorrection(o.actorOf(req), req.params.id, req.body),
  )
  app.post(
    '/tasks/:id/hand-over',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '转办 (transfer) 或 委派 (delegate)',
        params: IdParams,
        body: Type.Object({
          mode: Type.Union([Type.Literal('transfer'), Type.Literal('delegate')]),
          to: Type.String({ minLength: 1, maxLength: 80, description: 'staff id' }),
        }),
        response: { 200: StepResult },
      },
    },
    (req) => o.tasks.handOver(o.actorOf(req), req.params.id, req.body.mode, req.body.to),
  )
  app.post(
    '/tasks/:id/resolve',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '委派办结，交回所有人 Give a delegated task back',
        params: IdParams,
        response: { 200: StepResult },
      },
    },
    (req) => o.tasks.resolve(o.actorOf(req), req.params.id),
  )
  app.post(
    '/tasks/:id/signers',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '加签 Add a signer before or after this one',
        params: IdParams,
        body: Type.Object({
          signer: Type.String({ minLength: 1, maxLength: 80, description: 'staff id' }),
          position: Type.Union([Type.Literal('before'), Type.Literal('after')]),
        }),
        response: { 200: StepResult },
      },
    },
    (req) => o.tasks.addSigner(o.actorOf(req), req.params.id, req.body.signer, req.body.position),
  )
  app.post(
    '/tasks/:id/remove-signer',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '减签 Remove this (undecided) signer',
        params: IdParams,
        response: { 200: StepResult },
      },
    },
    (req) => o.tasks.removeSigner(o.actorOf(req), req.params.id),
  )
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
  app.post(
    '/tasks/:id/return',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '退回 Return to an earlier step',
        params: IdParams,
        body: Type.Object({
          nodeId: Type.String({ minLength: 1, maxLength: 100 }),
          reason: Type.String({ minLength: 1, maxLength: 2000 }),
        }),
        response: { 200: StepResult },
      },
    },
    (req) => o.tasks.returnTo(o.actorOf(req), req.params.id, req.body.nodeId, req.body.reason),
  )
  app.get(
    '/licences/verify',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '电子证照核验（标识或二维码内容）Verify a licence by identifier or QR text',
        querystring: Type.Object({
          identifier: Type.Optional(Type.String({ maxLength: 80 })),
          qr: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 200: LicenceVerification },
      },
    },
    (req) => o.licences.verify(req.query),
  )
  app.post(
    '/licences/:identifier/end',
    {
      config: { access: { action: 'application.task.decide' } },
      schema: {
        tags,
        summary: '吊销 (revoke) 或注销 (cancel) 电子证照（发证部门）End a licence',
        params: Type.Object({ identifier: Type.String({ minLength: 1, maxLength: 80 }) }),
        body: Type.Object({
          how: Type.Union([Type.Literal('revoke'), Type.Literal('cancel')]),
          reason: Type.String({ minLength: 1, maxLength: 2000 }),
        }),
        response: { 200: LicenceView },
      },
    },
    (req) =>
      o.licences.endLicence(o.actorOf(req), req.params.identifier, req.body.how, req.body.reason),
  )
  app.get(
    '/licences',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags,
        summary: '我（或我代理的企业）持有的电子证照 Licences held',
        querystring: Type.Object({ enterpriseId: Type.Optional(Type.String({ maxLength: 80 })) }),
        response: { 200: Type.Array(LicenceView) },
      },
    },
    (req) => o.licences.listHeld(o.actorOf(req), req.query.enterpriseId),
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
  // Uploads arrive as the file itself (PDF, PNG, JPEG), checked again by content in the service.
  app.addContentTypeParser(
    MATERIAL_TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_MATERIAL_BYTES + 1 },
    (_req, body, done) => done(null, body),
  )
  app.post(
    '/materials',
    {
      config: { access: 'authenticated' },
      bodyLimit: MAX_MATERIAL_BYTES + 1,
      schema: {
        tags,
        summary: '上传材料（PDF/PNG/JPEG，≤ 10 MB，按内容哈希存储）Upload a material',
        headers: Type.Object({
          'x-file-name': Type.String({
            minLength: 1,
            maxLength: 300,
            description: 'URL-encoded file name',
          }),
        }),
        response: {
          201: Type.Object({
            id: Type.String(),
            hash: Type.String(),
            fileName: Type.String(),
            mediaType: Type.String(),
            size: Type.Integer(),
          }),
        },
      },
    },
    async (req, reply) => {
      const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
      const stored = await o.materials.upload(o.actorOf(req), {
        fileName: safeDecode(req.headers['x-file-name']),
        declaredType:
          String(req.headers['content-type'] ?? '')
            .split(';')[0]
            ?.trim() ?? '',
        content,
      })
      return reply.status(201).send(stored)
    },
  )
  app.post(
    '/applications/:id/materials',
    {
      config: { access: { action: 'application.submit' } },
      schema: {
        tags,
        summary:
          '提交材料，或以已有电子证照代替（免提交，须说明理由）Attach a material or a held licence',
        params: IdParams,
        body: Type.Object({
          item: Type.Optional(Type.String({ maxLength: 80 })),
          code: Type.String({ minLength: 1, maxLength: 64 }),
          materialId: Type.Optional(Type.String({ maxLength: 80 })),
          licence: Type.Optional(
            Type.Object({
              identifier: Type.String({ maxLength: 80 }),
              reason: Type.String({ maxLength: 500 }),
            }),
          ),
        }),
        response: {
          201: Type.Object({
            id: Type.String(),
            caseId: Type.String(),
            code: Type.String(),
            via: Type.String(),
          }),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await o.materials.attach(o.actorOf(req), req.params.id, req.body)),
  )
  app.get(
    '/applications/:id/materials',
    {
      config: { access: { action: 'application.submit' } },
      schema: {
        tags,
        summary: '材料清单：所需材料、已交材料、可代替的已有证照 Materials checklist',
        params: IdParams,
        response: { 200: Type.Array(Type.Record(Type.String(), Type.Unknown())) },
      },
    },
    (req) => o.materials.checklist(o.actorOf(req), req.params.id),
  )
}

function safeDecode(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? (value[0] ?? '') : (value ?? '')
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
