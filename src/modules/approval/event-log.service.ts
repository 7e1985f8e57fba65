import type { ApprovalDeps } from './approval.deps.js'
import { approvalDb } from './approval.deps.js'
import { describeAction } from './timeline-labels.js'

/**
 * The action types that are steps of a case for process mining: the case's own actions and the
 * engine's task, service and instance events; engine bookkeeping (tokens, variables, groups,
 * scheduled timers) is left out.
 */
const MINED_TYPES = [
  'case.submitted',
  'case.correction_requested',
  'case.correction_resubmitted',
  'case.withdrawn',
  'case.urged',
  'case.licence_issued',
  'case.material_attached',
  'case.copied',
  'case.extension_requested',
  'case.extension_decided',
  'case.special_procedure_started',
  'case.special_procedure_ended',
  'case.auto_approval_withheld',
  'case.sla_alerted',
  'instance_started',
  'instance_completed',
  'instance_terminated',
  'task_opened',
  'task_claimed',
  'task_reassigned',
  'task_suspended',
  'task_resumed',
  'task_completed',
  'task_cancelled',
  'token_relocated',
  'signer_added',
  'signer_removed',
  'service_opened',
  'service_completed',
  'service_failed',
  'timer_fired',
] as const

/** One recorded approval action, with its case, item, department, bundle and channel. */
export interface ApprovalLogEntry {
  readonly seq: number
  readonly type: string
  /** The action's timeline label (the step's name for task events is `taskName`). */
  readonly label: { readonly zh: string; readonly en: string } | null
  readonly caseId: string
  readonly caseNumber: string
  readonly applicationNumber: string
  readonly itemCode: string
  readonly itemName: string
  readonly departmentId: string
  /** The bundle (一件事) code when the application was one. */
  readonly bundleCode: string | null
  readonly channel: string
  readonly taskId: string | null
  readonly taskName: string | null
  readonly nodeId: string | null
  readonly actorId: string | null
  readonly actorKind: string
  /** A completed task's decision (null when none was given). */
  readonly approved: boolean | null
  readonly at: string
}

export interface ApprovalLogPage {
  readonly entries: readonly ApprovalLogEntry[]
  /** Pass as `afterSeq` for the next page; null when this was the last. */
  readonly nextSeq: number | null
}

function decision(type: string, payload: string): boolean | null {
  if (type !== 'task_completed') return null
  const approved = (JSON.parse(payload) as { approved?: unknown }).approved
  return typeof approved === 'boolean' ? approved : null
}

/** Reads the action log in the order it was written, a page at a time (for the insight module). */
export function createEventLogReader(deps: Pick<ApprovalDeps, 'db'>) {
  const db = approvalDb(deps)
  return {
    async page(options: { afterSeq?: number; limit?: number } = {}): Promise<ApprovalLogPage> {
      const limit = Math.min(Math.max(options.limit ?? 5000, 1), 50_000)
      const rows = await db
        .selectFrom('approval_actions as a')
        .innerJoin('approval_cases as c', 'c.id', 'a.case_id')
        .innerJoin('approval_applications as p', 'p.id', 'a.application_id')
        .leftJoin('approval_tasks as t', 't.id', 'a.task_id')
        .select([
          'a.seq',
          'a.type',
          'a.case_id',
          'a.task_id',
          'a.node_id',
          'a.actor_id',
          'a.actor_kind',
          'a.department_id',
          'a.payload_json',
          'a.at',
          'c.case_number',
          'c.implementation_code',
          'c.name_zh',
          'p.case_number as application_number',
          'p.kind as application_kind',
          'p.subject_code',
          'p.channel',
          't.name_zh as task_name',
        ])
        .where('a.seq', '>', options.afterSeq ?? 0)
        .where('a.type', 'in', MINED_TYPES)
        .orderBy('a.seq')
        .limit(limit)
        .execute()
      const entries = rows.map((row) => ({
        seq: Number(row.seq),
        type: row.type,
        label: describeAction(row.type),
        caseId: row.case_id,
        caseNumber: row.case_number,
        applicationNumber: row.application_number,
        itemCode: row.implementation_code,
        itemName: row.name_zh,
        departmentId: row.department_id,
        bundleCode: row.application_kind === 'bundle' ? row.subject_code : null,
        channel: row.channel,
        taskId: row.task_id,
        taskName: row.task_name,
        nodeId: row.node_id,
        actorId: row.actor_id,
        actorKind: row.actor_kind,
        approved: decision(row.type, row.payload_json),
        at: row.at,
      }))
      const last = entries.at(-1)
      return { entries, nextSeq: entries.length === limit && last ? last.seq : null }
    },
  }
}

export type ApprovalEventLogReader = ReturnType<typeof createEventLogReader>
