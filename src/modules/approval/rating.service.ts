import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import { systemActor } from '../../platform/auth/principal.js'
import { DomainError } from '../../platform/errors.js'
import type { JobContext } from '../../platform/jobs/job-runner.js'
import { approvalDb, type ApprovalDeps } from './approval.deps.js'
import { approvalStore } from './approval.store.js'
import type { ApprovalTables, CaseRow, RatingRow, WorkOrderRow } from './approval.tables.js'
import { computeRectificationClock } from './sla/index.js'
import type { Transaction } from 'kysely'

type Trx = Transaction<ApprovalTables>
const FINISHED = new Set(['approved', 'rejected'])

export interface RatingInput {
  score: number
  tags?: string[]
  comment?: string
}

/** 好差评: ratings of finished cases, and the work orders bad ones open. */
export function createRatingService(deps: ApprovalDeps) {
  const db = approvalDb(deps)
  const { limits } = deps.ratings

  async function ratedCase(actor: Actor, caseId: string): Promise<CaseRow> {
    const row = await approvalStore.findCase(db, caseId)
    const application = row && (await approvalStore.findApplication(db, row.application_id))
    if (!row || !application) throw new DomainError('APPROVAL_CASE_NOT_FOUND')
    deps.guard.require(actor, 'application.read', {
      type: 'application',
      id: application.id,
      ownerId: application.applicant_id,
    })
    if (application.applicant_id !== actor.principal?.id)
      throw new DomainError('PLATFORM_FORBIDDEN')
    if (!FINISHED.has(row.status))
      throw new DomainError('APPROVAL_ACTION_NOT_ALLOWED', {
        reasonZh: '办件尚未办结，不能评价',
        reason: 'the case has not finished',
      })
    return row
  }

  async function insertRating(
    trx: Trx,
    row: CaseRow,
    rating: Omit<
      RatingRow,
      | 'id'
      | 'case_id'
      | 'application_id'
      | 'department_id'
      | 'implementation_code'
      | 'created_at'
      | 'updated_at'
    >,
  ) {
    const at = deps.clock.now().toISOString()
    const record: RatingRow = {
      id: uuidv7(),
      case_id: row.id,
      application_id: row.application_id,
      department_id: row.department_id,
      implementation_code: row.implementation_code,
      ...rating,
      created_at: at,
      updated_at: at,
    }
    const inserted = await trx
      .insertInto('approval_ratings')
      .values(record)
      .onConflict((oc) => oc.column('case_id').doNothing())
      .executeTakeFirst()
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1 ? record : null
  }

  async function openWorkOrder(trx: Trx, rating: RatingRow, raterId: string) {
    const at = deps.clock.now().toISOString()
    const order: WorkOrderRow = {
      id: uuidv7(),
      rating_id: rating.id,
      case_id: rating.case_id,
      department_id: rating.department_id,
      rater_id: raterId,
      status: 'open',
      response: null,
      rectification: null,
      appeal_json: null,
      fix_score: null,
      limits_json: JSON.stringify(limits),
      opened_at: at,
      responded_at: null,
      rectified_at: null,
      closed_at: null,
      version: 0,
      created_at: at,
      updated_at: at,
    }
    await trx.insertInto('approval_work_orders').values(order).execute()
    return order
  }

  function orderView(order: WorkOrderRow) {
    const clock = computeRectificationClock({
      order: {
        ratedAt: order.opened_at,
        ...(order.responded_at ? { respondedAt: order.responded_at } : {}),
        ...(order.rectified_at ? { rectifiedAt: order.rectified_at } : {}),
        ...(order.closed_at ? { closedAt: order.closed_at } : {}),
      },
      limits: JSON.parse(order.limits_json) as typeof limits,
      calendar: deps.calendar(),
      now: deps.clock.now(),
    })
    return {
      id: order.id,
      caseId: order.case_id,
      departmentId: order.department_id,
      status: order.status,
      response: order.response,
      rectification: order.rectification,
      appeal: order.appeal_json ? (JSON.parse(order.appeal_json) as Record<string, unknown>) : null,
      fixScore: order.fix_score,
      openedAt: order.opened_at,
      clock: clock.ok ? clock.view : null,
    }
  }

  /** One step of a work order by its department's staff or by the rater, versioned. */
  async function moveOrder(
    actor: Actor,
    orderId: string,
    by: 'department' | 'rater',
    allowed: ReadonlyArray<WorkOrderRow['status']>,
    change: (order: WorkOrderRow, at: string) => Partial<WorkOrderRow>,
    audit: string,
  ) {
    const order = await db
      .selectFrom('approval_work_orders')
      .selectAll()
      .where('id', '=', orderId)
      .executeTakeFirst()
    if (!order) throw new DomainError('APPROVAL_WORK_ORDER_NOT_FOUND')
    if (by === 'department')
      deps.guard.require(actor, 'application.task.handle', {
        type: 'work_order',
        id: order.id,
        departmentId: order.department_id,
      })
    else if (actor.principal?.id !== order.rater_id) throw new DomainError('PLATFORM_FORBIDDEN')
    if (!allowed.includes(order.status))
      throw new DomainError('APPROVAL_ACTION_NOT_ALLOWED', {
        reasonZh: `工单当前状态为 ${order.status}`,
        reason: `the work order is ${order.status}`,
      })
    const at = deps.clock.now().toISOString()
    const values = { ...change(order, at), version: order.version + 1, updated_at: at }
    return db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('approval_work_orders')
        .set(values)
        .where('id', '=', order.id)
        .where('version', '=', order.version)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1) throw new DomainError('APPROVAL_CONCURRENT_CHANGE')
      await deps.audit.record(trx, actor, {
        action: audit,
        subject: { type: 'work_order', id: order.id },
        after: { status: values.status ?? order.status },
      })
      return orderView({ ...order, ...values })
    })
  }

  return {
    async rate(actor: Actor, caseId: string, input: RatingInput) {
      const row = await ratedCase(actor, caseId)
      const raterId = actor.principal?.id ?? ''
      return db.transaction().execute(async (trx) => {
        const rating = await insertRating(trx, row, {
          rater_id: raterId,
          channel: actor.channel,
          score: input.score,
          tags_json: JSON.stringify(input.tags ?? []),
          comment: input.comment ?? '',
          defaulted: 0,
        })
        if (!rating) throw new DomainError('APPROVAL_ALREADY_RATED')
        const order = input.score <= 2 ? await openWorkOrder(trx, rating, raterId) : null
        await deps.audit.record(trx, actor, {
          action: 'approval.case.rated',
          subject: { type: 'case', id: row.id },
          after: { score: input.score, workOrderId: order?.id ?? null },
        })
        return {
          ratingId: rating.id,
          score: rating.score,
          workOrder: order ? orderView(order) : null,
        }
      })
    },

    /** Job: a finished case nobody rated in time counts as satisfied (默认好评). */
    async defaultRating(ctx: JobContext) {
      const trx = ctx.trx as unknown as Trx
      const { caseId } = ctx.payload as { caseId: string }
      const row = await approvalStore.findCase(trx, caseId)
      if (!row || !FINISHED.has(row.status)) return
      const rating = await insertRating(trx, row, {
        rater_id: null,
        channel: 'system',
        score: 5,
        tags_json: '[]',
        comment: '',
        defaulted: 1,
      })
      if (rating)
        await deps.audit.record(trx, systemActor(`job:${ctx.jobId}`), {
          action: 'approval.case.rating_defaulted',
          subject: { type: 'case', id: row.id },
          after: { score: 5 },
        })
    },

    async workOrders(actor: Actor, query: { status?: WorkOrderRow['status'] }) {
      const departments = (actor.principal?.assignments ?? [])
        .filter(
          (a) =>
            a.departmentId !== null &&
            deps.guard.allows(actor, 'application.task.handle', {
              type: 'work_order',
              id: '*',
              departmentId: a.departmentId,
            }),
        )
        .map((a) => a.departmentId as string)
      if (departments.length === 0) throw new DomainError('PLATFORM_FORBIDDEN')
      let q = db
        .selectFrom('approval_work_orders')
        .selectAll()
        .where('department_id', 'in', departments)
      if (query.status) q = q.where('status', '=', query.status)
      return (await q.orderBy('opened_at').limit(100).execute()).map(orderView)
    },

    respond: (actor: Actor, id: string, text: string) =>
      moveOrder(
        actor,
        id,
        'department',
        ['open'],
        (_o, at) => ({ status: 'responded', response: text, responded_at: at }),
        'approval.work_order.responded',
      ),
    rectify: (actor: Actor, id: string, text: string) =>
      moveOrder(
        actor,
        id,
        'department',
        ['open', 'responded'],
        (o, at) => ({
          status: 'rectified',
          rectification: text,
          rectified_at: at,
          responded_at: o.responded_at ?? at,
        }),
        'approval.work_order.rectified',
      ),
    appeal: (actor: Actor, id: string, appeal: { reason: string; evidence: string[] }) =>
      moveOrder(
        actor,
        id,
        'department',
        ['open', 'responded'],
        () => ({ status: 'appealed', appeal_json: JSON.stringify(appeal) }),
        'approval.work_order.appealed',
      ),
    rateFix: (actor: Actor, id: string, score: number) =>
      moveOrder(
        actor,
        id,
        'rater',
        ['rectified'],
        (_o, at) => ({ status: 'closed', fix_score: score, closed_at: at }),
        'approval.work_order.closed',
      ),

    /** Satisfaction per department and item (bad = 1–2). */
    async statistics() {
      const rows = await db
        .selectFrom('approval_ratings')
        .select((eb) => [
          'department_id',
          'implementation_code',
          eb.fn.countAll<number>().as('ratings'),
          eb.fn.avg<number>('score').as('average'),
          eb.fn.sum<number>(eb.case().when('score', '<=', 2).then(1).else(0).end()).as('bad'),
          eb.fn.sum<number>('defaulted').as('defaulted'),
        ])
        .groupBy(['department_id', 'implementation_code'])
        .execute()
      return rows.map((r) => ({
        departmentId: r.department_id,
        implementationCode: r.implementation_code,
        ratings: Number(r.ratings),
        average: Math.round(Number(r.average) * 100) / 100,
        bad: Number(r.bad),
        defaulted: Number(r.defaulted),
        satisfaction:
          Number(r.ratings) === 0
            ? null
            : Math.round((1 - Number(r.bad) / Number(r.ratings)) * 10_000) / 10_000,
      }))
    },
  }
}

export type RatingService = ReturnType<typeof createRatingService>
