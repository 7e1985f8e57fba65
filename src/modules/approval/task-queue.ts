import type { Kysely, Transaction } from 'kysely'
import type { WorkingCalendar } from '../../platform/calendar/index.js'
import type { ActionRow, ApprovalTables, TaskRow } from './approval.tables.js'
import { clockEventsOf } from './case-clock.js'
import { readLog } from './case-log.js'
import { foldCase } from './case-status.js'
import { computeClock, type ClockEvent, type LimitState, type LimitView } from './sla/index.js'

type Db = Kysely<ApprovalTables> | Transaction<ApprovalTables>

export interface QueueQuery {
  state?: TaskRow['state']
  /** Implementation code of the item. */
  item?: string
  channel?: string
  /** 'urgency': least time left first (the workbench); 'opened': oldest first (the default). */
  sort?: 'urgency' | 'opened'
  limit?: number
  offset?: number
}

/** One queue row: the task, its item and channel, and its case's promised-limit clock. */
export interface QueueEntry extends TaskRow {
  case_number: string
  item_code: string
  item_name: { zh: string; en: string }
  channel: string
  /** green/amber/red of the promised limit; 'paused' while the applicant corrects; else unknown. */
  sla_state: LimitState | 'paused'
  /** Working days left of the promised limit (negative when overdue); null when not known. */
  days_left: number | null
  deadline: string | null
  urged: number
  extension_pending: boolean
}

// An urgency sort reads every matching task's clock: a department queue is bounded well below.
const URGENCY_WINDOW = 500
const RANK: Record<QueueEntry['sla_state'], number> = {
  red: 0,
  amber: 1,
  green: 2,
  unknown: 3,
  paused: 4,
  stopped: 5,
}

/** The department queue with each task's clock, filtered by item and channel. */
export async function readQueue(
  db: Db,
  departmentIds: string[],
  query: QueueQuery,
  calendar: WorkingCalendar,
  now: Date,
): Promise<QueueEntry[]> {
  const limit = query.limit ?? 50
  const offset = query.offset ?? 0
  const urgency = query.sort === 'urgency'
  let select = db
    .selectFrom('approval_tasks as t')
    .innerJoin('approval_cases as c', 'c.id', 't.case_id')
    .innerJoin('approval_applications as a', 'a.id', 't.application_id')
    .selectAll('t')
    .select([
      'c.case_number as case_number',
      'c.implementation_code as item_code',
      'c.name_zh as item_zh',
      'c.name_en as item_en',
      'c.promised_days as promised_days',
      'c.statutory_days as statutory_days',
      'a.channel as channel',
    ])
    .where('t.department_id', 'in', departmentIds)
    .where('t.state', '=', query.state ?? 'open')
  if (query.item) select = select.where('c.implementation_code', '=', query.item)
  if (query.channel) select = select.where('a.channel', '=', query.channel)
  const rows = await select
    .orderBy('t.opened_at')
    .orderBy('t.id')
    .limit(urgency ? URGENCY_WINDOW : limit)
    .offset(urgency ? 0 : offset)
    .execute()
  const logs = await actionsOf(db, [...new Set(rows.map((r) => r.case_id))])
  const entries = rows.map((row): QueueEntry => {
    const log = readLog(logs.get(row.case_id) ?? [])
    const facts = foldCase(log.caseActions, { status: 'running', approved: null })
    const limits = { promisedDays: row.promised_days, statutoryDays: row.statutory_days }
    const promised = promisedLimit(
      clockEventsOf(log.engine, log.caseActions),
      limits,
      calendar,
      now,
    )
    const { item_zh, item_en, promised_days, statutory_days, ...task } = row
    void promised_days
    void statutory_days
    return {
      ...task,
      item_name: { zh: item_zh, en: item_en },
      sla_state: facts.correction ? 'paused' : (promised?.state ?? 'unknown'),
      days_left: promised?.remainingDays ?? null,
      deadline: promised?.deadline.known ? promised.deadline.value : null,
      urged: facts.urged,
      extension_pending: facts.pendingExtension !== null,
    }
  })
  if (!urgency) return entries
  return entries
    .sort(
      (a, b) =>
        RANK[a.sla_state] - RANK[b.sla_state] ||
        (a.days_left ?? Infinity) - (b.days_left ?? Infinity) ||
        b.urged - a.urged ||
        a.opened_at.localeCompare(b.opened_at),
    )
    .slice(offset, offset + limit)
}

// Case ids per query: well inside either database's limit on bound parameters.
const CASES_PER_READ = 200

/** The action rows of many cases, a few queries in all, each case's in log order. */
async function actionsOf(db: Db, caseIds: string[]): Promise<Map<string, ActionRow[]>> {
  const byCase = new Map<string, ActionRow[]>()
  for (let i = 0; i < caseIds.length; i += CASES_PER_READ) {
    const rows = await db
      .selectFrom('approval_actions')
      .selectAll()
      .where('case_id', 'in', caseIds.slice(i, i + CASES_PER_READ))
      .orderBy('case_id')
      .orderBy('seq')
      .execute()
    for (const row of rows) {
      const list = byCase.get(row.case_id)
      if (list) list.push(row)
      else byCase.set(row.case_id, [row])
    }
  }
  return byCase
}

/**
 * The promised limit of a case. Before 受理 it is counted from receipt, as if accepted then (it
 * is deemed so after 5 working days without a notice): the queue errs on the side of less time.
 */
function promisedLimit(
  events: ClockEvent[] | null,
  limits: { promisedDays: number; statutoryDays: number },
  calendar: WorkingCalendar,
  now: Date,
): LimitView | null {
  if (!events) return null
  const received = events.find((e) => e.type === 'received')
  const counted =
    received && !events.some((e) => e.type === 'accepted')
      ? [
          received,
          { type: 'accepted' as const, at: received.at },
          ...events.filter((e) => e !== received),
        ]
      : events
  const result = computeClock({ events: counted, ...limits, calendar, now })
  return result.ok ? result.view.promised : null
}
