import type { ApprovalLogEntry, ApprovalLogPage } from '../../approval/index.js'
import { LogBuilder, type BuiltLog } from '../log/log-builder.js'

/** Where the approval module's action log is read from (its `eventLog` reader). */
export interface ApprovalLogSource {
  page(options: { afterSeq?: number; limit?: number }): Promise<ApprovalLogPage>
}

/** The activity that opens a 补正 round in an approval-engine log (the label of its action). */
export const APPROVAL_CORRECTION_ACTIVITY = '要求补正'

/** XES lifecycle transitions (IEEE 1849-2016 standard lifecycle model) of the engine's events. */
const LIFECYCLE: Record<string, string> = {
  task_opened: 'schedule',
  task_claimed: 'start',
  task_reassigned: 'reassign',
  task_suspended: 'suspend',
  task_resumed: 'resume',
  task_completed: 'complete',
  task_cancelled: 'ate_abort',
  service_opened: 'start',
  service_completed: 'complete',
  service_failed: 'ate_abort',
}

/** The case attributes kept for each case (trace). */
export const APPROVAL_CASE_ATTRIBUTES = [
  'item',
  'item_name',
  'department',
  'bundle',
  'channel',
  'application',
]

function activityOf(entry: ApprovalLogEntry): string {
  if (entry.type.startsWith('task_')) return entry.taskName ?? entry.nodeId ?? entry.type
  if (entry.type.startsWith('service_')) return entry.nodeId ?? entry.type
  return entry.label?.zh ?? entry.type
}

/** Staff are named by their id; an applicant's or the system's actions by that kind only. */
function resourceOf(entry: ApprovalLogEntry): string | undefined {
  if (entry.actorKind === 'staff') return entry.actorId ?? undefined
  return entry.actorKind
}

function addEntry(builder: LogBuilder, entry: ApprovalLogEntry): void {
  builder.setEventAttribute('action', 'string', entry.type)
  if (entry.approved !== null)
    builder.setEventAttribute('outcome', 'string', entry.approved ? 'approved' : 'rejected')
  const casesBefore = builder.caseCount
  const c = builder.addEventTo(
    entry.caseNumber,
    activityOf(entry),
    entry.at,
    resourceOf(entry),
    entry.departmentId,
    LIFECYCLE[entry.type] ?? 'complete',
  )
  if (c !== casesBefore) return
  const attributes: Record<string, string | null> = {
    item: entry.itemCode,
    item_name: entry.itemName,
    department: entry.departmentId,
    bundle: entry.bundleCode,
    channel: entry.channel,
    application: entry.applicationNumber,
  }
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null) builder.setCaseAttributeOf(c, key, 'string', value)
  }
}

/**
 * Every approval action recorded by the approval module as an event: case = the item's case
 * (its case number), activity = the step's name (or the action's label), staff and department,
 * lifecycle, decision (outcome) and action type; item, bundle, channel and application as case
 * attributes. Read a page at a time, so the whole history never sits in memory as rows.
 */
export async function readApprovalLog(
  source: ApprovalLogSource,
  options: { pageSize?: number; onProgress?: (events: number) => void } = {},
): Promise<BuiltLog> {
  const builder = new LogBuilder({
    eventAttributes: ['action', 'outcome'],
    traceAttributes: APPROVAL_CASE_ATTRIBUTES,
    defaultOffsetMinutes: 0,
  })
  let afterSeq: number | undefined
  for (;;) {
    const page = await source.page({ afterSeq, limit: options.pageSize ?? 5000 })
    for (const entry of page.entries) addEntry(builder, entry)
    options.onProgress?.(builder.eventCount)
    if (page.nextSeq === null) break
    afterSeq = page.nextSeq
  }
  return builder.finish()
}
