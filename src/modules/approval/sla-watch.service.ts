import { v7 as uuidv7 } from 'uuid'
import { systemActor } from '../../platform/auth/principal.js'
import type { JobContext } from '../../platform/jobs/job-runner.js'
import type { Transaction } from 'kysely'
import { approvalDb, type ApprovalDeps } from './approval.deps.js'
import type { ActionRow, ApprovalTables, CaseRow } from './approval.tables.js'
import { caseClock } from './case-clock.js'
import { readLog } from './case-log.js'
import { createOnTimeTally, escalations, type Escalation, type SlaCase } from './sla/index.js'

type Trx = Transaction<ApprovalTables>
export const SLA_SCAN_JOB = 'approval.sla-scan'
const RUNNING = ['in_progress', 'awaiting_correction']
const PAGE = 500

/** Where a scan round stands: the round it belongs to and the last case id checked. */
interface ScanPayload {
  round?: number
  after?: string
}

/**
 * Watches the statutory clocks: a recurring job raises a warning when a case has used 80 % of a
 * limit and escalates it on breach, once per case, limit and level (kept as case actions, so the
 * timeline shows them); on-time rates per department and item for the finished cases.
 *
 * A round walks the running cases in id order, `pageSize` per job, each page its own transaction
 * that queues the next page: a province's open cases never load at once, and no page holds the
 * database (or, on SQLite, the event loop) for long. The last page schedules the next round.
 */
export function createSlaWatch(deps: ApprovalDeps, intervalMs: number, pageSize: number) {
  const db = approvalDb(deps)

  async function clocksOf(on: Trx | typeof db, cases: CaseRow[]) {
    const actions = new Map<string, ActionRow[]>()
    for (let i = 0; i < cases.length; i += PAGE) {
      const ids = cases.slice(i, i + PAGE).map((c) => c.id)
      if (ids.length === 0) continue
      const rows = await on
        .selectFrom('approval_actions')
        .selectAll()
        .where('case_id', 'in', ids)
        .orderBy('seq')
        .execute()
      for (const row of rows) {
        const list = actions.get(row.case_id)
        if (list) list.push(row)
        else actions.set(row.case_id, [row])
      }
    }
    const calendar = deps.calendar()
    const now = deps.clock.now()
    return cases.flatMap((c): Array<SlaCase & { alerted: Set<string> }> => {
      const log = readLog(actions.get(c.id) ?? [])
      const result = caseClock(
        log,
        { promisedDays: c.promised_days, statutoryDays: c.statutory_days },
        calendar,
        now,
      )
      if (!result?.ok) return []
      const alerted = new Set(
        log.caseActions.flatMap((a) =>
          a.type === 'case.sla_alerted' ? [`${a.limit}:${a.level}`] : [],
        ),
      )
      return [
        {
          caseId: c.id,
          departmentId: c.department_id,
          itemCode: c.implementation_code,
          view: result.view,
          alerted,
        },
      ]
    })
  }

  async function alert(trx: Trx, row: CaseRow, e: Escalation, ctx: JobContext) {
    const at = deps.clock.now().toISOString()
    const actor = systemActor(`job:${ctx.jobId}`)
    await trx
      .insertInto('approval_actions')
      .values({
        id: uuidv7(),
        case_id: row.id,
        application_id: row.application_id,
        kind: 'case',
        type: 'case.sla_alerted',
        task_id: null,
        node_id: null,
        actor_id: null,
        actor_kind: 'system',
        department_id: row.department_id,
        payload_json: JSON.stringify({ limit: e.limit, level: e.level, deadline: e.deadline }),
        at,
      })
      .execute()
    await deps.audit.record(trx, actor, {
      action: e.level === 'escalate' ? 'approval.sla.escalated' : 'approval.sla.warned',
      subject: { type: 'case', id: row.id },
      after: { limit: e.limit, deadline: e.deadline, remainingDays: e.remainingDays },
    })
  }

  return {
    /** Job: one page of a scan round; it queues the next page, or the next round after the last. */
    async scan(ctx: JobContext) {
      const trx = ctx.trx as unknown as Trx
      const { round = 0, after = '' } = (ctx.payload ?? {}) as ScanPayload
      const cases = await trx
        .selectFrom('approval_cases')
        .selectAll()
        .where('status', 'in', RUNNING)
        .where('id', '>', after)
        .orderBy('id')
        .limit(pageSize)
        .execute()
      const byId = new Map(cases.map((c) => [c.id, c]))
      const clocks = await clocksOf(trx, cases)
      const alerted = new Map(clocks.map((c) => [c.caseId, c.alerted]))
      for (const e of escalations(clocks, deps.clock.now()).escalations) {
        const row = byId.get(e.caseId)
        if (!row || alerted.get(e.caseId)?.has(`${e.limit}:${e.level}`)) continue
        await alert(trx, row, e, ctx)
      }
      const last = cases.at(-1)
      if (cases.length === pageSize && last) await nextPage(trx, round, last.id)
      else await schedule(trx)
    },

    /** Makes sure a scan is queued (called at start; a scan queues the next). */
    async start() {
      await schedule(db)
    },

    /** Counted a page of decided cases at a time: the history is never loaded at once. */
    async onTimeRates() {
      const tally = createOnTimeTally()
      for (let after = ''; ;) {
        const finished = await db
          .selectFrom('approval_cases')
          .selectAll()
          .where('status', 'in', ['approved', 'rejected'])
          .where('id', '>', after)
          .orderBy('id')
          .limit(pageSize)
          .execute()
        for (const c of await clocksOf(db, finished)) tally.add(c)
        const last = finished.at(-1)
        if (!last || finished.length < pageSize) return tally.rates()
        after = last.id
      }
    },
  }

  async function schedule(on: Trx | typeof db) {
    const next = Math.ceil((deps.clock.now().getTime() + 1) / intervalMs) * intervalMs
    await deps.queue.enqueue(on as Trx, {
      kind: SLA_SCAN_JOB,
      payload: { round: next } satisfies ScanPayload,
      runAt: new Date(next),
      dedupeKey: `approval-sla-scan:${next}`,
    })
  }

  async function nextPage(trx: Trx, round: number, after: string) {
    await deps.queue.enqueue(trx, {
      kind: SLA_SCAN_JOB,
      payload: { round, after } satisfies ScanPayload,
      runAt: deps.clock.now(),
      dedupeKey: `approval-sla-scan:${round}:${after}`,
    })
  }
}

export type SlaWatch = ReturnType<typeof createSlaWatch>
