import type { SpecialProcedureKind } from './sla/index.js'

/**
 * A case's status as a pure fold over its own actions plus the engine's verdict (STYLE habit
 * 10). The web app may import this file to show which actions are available.
 */

export type CaseStatus =
  'in_progress' | 'awaiting_correction' | 'approved' | 'rejected' | 'withdrawn' | 'terminated'

export interface CorrectionField {
  /** Where the field is in the applicant's (merged) form. */
  pointer: string
  reason: string
}

export interface CorrectionRequest {
  taskId: string
  requestedBy: string | null
  at: string
  fields: CorrectionField[]
  note: string
}

/** The case-level actions (kind 'case' in the action log). */
export type CaseAction =
  | { type: 'case.submitted'; at: string }
  | ({ type: 'case.correction_requested' } & CorrectionRequest)
  | { type: 'case.correction_resubmitted'; at: string; pointers: string[] }
  | { type: 'case.withdrawn'; at: string; reason: string }
  | { type: 'case.urged'; at: string }
  | { type: 'case.licence_issued'; at: string; licenceId: string; identifier: string }
  | {
      type: 'case.extension_requested'
      at: string
      days: number
      reason: string
      requestedBy: string
    }
  | { type: 'case.extension_decided'; at: string; granted: boolean; days: number; by: string }
  | { type: 'case.copied'; at: string; to: string[]; note: string; by: string }
  | {
      type: 'case.special_procedure_started'
      at: string
      kind: SpecialProcedureKind
      reason: string
    }
  | { type: 'case.special_procedure_ended'; at: string; kind: SpecialProcedureKind }
  | {
      type: 'case.material_attached'
      at: string
      code: string
      via: 'upload' | 'licence'
      licenceIdentifier?: string
      reason?: string
    }
  | {
      /** An auto_approve timer fired while required materials were missing: the task stays open. */
      type: 'case.auto_approval_withheld'
      at: string
      taskId: string
      missing: string[]
    }
  | {
      type: 'case.sla_alerted'
      at: string
      limit: 'promised' | 'statutory' | 'licence'
      level: 'warn' | 'escalate'
      deadline: string | null
    }

export interface EngineVerdict {
  status: 'running' | 'completed' | 'terminated'
  /** The process variable `approved` when the instance ended (null while running). */
  approved: boolean | null
}

export interface CaseFacts {
  status: CaseStatus
  /** The open correction request, if the case waits for the applicant. */
  correction: CorrectionRequest | null
  correctionRounds: number
  urged: number
  licences: Array<{ licenceId: string; identifier: string }>
  /** A 延期 request waiting for the supervisor. */
  pendingExtension: { days: number; reason: string; requestedBy: string } | null
  /** Whether an extension was already granted (the law allows one). */
  extended: boolean
  /** Special procedures (听证、检验检测、专家评审 …) under way: the clock is paused. */
  specialProcedures: SpecialProcedureKind[]
  finished: boolean
}

export function foldCase(actions: readonly CaseAction[], engine: EngineVerdict): CaseFacts {
  let correction: CorrectionRequest | null = null
  let rounds = 0
  let urged = 0
  let withdrawn = false
  let extension: CaseFacts['pendingExtension'] = null
  let extended = false
  const procedures = new Set<SpecialProcedureKind>()
  const licences: CaseFacts['licences'] = []
  for (const action of actions) {
    switch (action.type) {
      case 'case.submitted':
        break
      case 'case.correction_requested': {
        correction = {
          taskId: action.taskId,
          requestedBy: action.requestedBy,
          at: action.at,
          fields: action.fields,
          note: action.note,
        }
        rounds++
        break
      }
      case 'case.correction_resubmitted':
        correction = null
        break
      case 'case.withdrawn':
        withdrawn = true
        correction = null
        break
      case 'case.urged':
        urged++
        break
      case 'case.licence_issued':
        licences.push({ licenceId: action.licenceId, identifier: action.identifier })
        break
      case 'case.extension_requested':
        extension = { days: action.days, reason: action.reason, requestedBy: action.requestedBy }
        break
      case 'case.extension_decided':
        extension = null
        if (action.granted) extended = true
        break
      case 'case.special_procedure_started':
        procedures.add(action.kind)
        break
      case 'case.special_procedure_ended':
        procedures.delete(action.kind)
        break
      case 'case.sla_alerted':
      case 'case.auto_approval_withheld':
      case 'case.copied':
      case 'case.material_attached':
        break
    }
  }
  const status = statusOf(engine, withdrawn, correction !== null)
  return {
    status,
    correction,
    correctionRounds: rounds,
    urged,
    licences,
    pendingExtension: extension,
    extended,
    specialProcedures: [...procedures],
    finished: status !== 'in_progress' && status !== 'awaiting_correction',
  }
}

function statusOf(engine: EngineVerdict, withdrawn: boolean, correcting: boolean): CaseStatus {
  if (withdrawn) return 'withdrawn'
  if (engine.status === 'terminated') return 'terminated'
  if (engine.status === 'completed') return engine.approved === true ? 'approved' : 'rejected'
  return correcting ? 'awaiting_correction' : 'in_progress'
}

/** An application's status from its cases' statuses. */
export function applicationStatus(statuses: readonly CaseStatus[]): string {
  if (statuses.some((s) => s === 'awaiting_correction')) return 'awaiting_correction'
  if (statuses.some((s) => s === 'in_progress')) return 'in_progress'
  if (statuses.every((s) => s === 'withdrawn')) return 'withdrawn'
  if (statuses.every((s) => s === 'approved' || s === 'withdrawn')) return 'approved'
  if (statuses.some((s) => s === 'approved')) return 'partially_approved'
  return 'rejected'
}

export interface MergedNoticeEntry {
  pointer: string
  reasons: Array<{ caseId: string; departmentId: string; reason: string }>
}

/**
 * 一次告知: every open correction request of an application merged into one list, one entry per
 * field, with each department's reason; the applicant fixes each field once.
 */
export function mergeCorrections(
  cases: ReadonlyArray<{
    caseId: string
    departmentId: string
    correction: CorrectionRequest | null
  }>,
): {
  fields: MergedNoticeEntry[]
  notes: Array<{ caseId: string; departmentId: string; note: string }>
} {
  const byPointer = new Map<string, MergedNoticeEntry>()
  const notes: Array<{ caseId: string; departmentId: string; note: string }> = []
  for (const c of cases) {
    if (!c.correction) continue
    if (c.correction.note)
      notes.push({ caseId: c.caseId, departmentId: c.departmentId, note: c.correction.note })
    for (const field of c.correction.fields) {
      const entry = byPointer.get(field.pointer) ?? { pointer: field.pointer, reasons: [] }
      entry.reasons.push({ caseId: c.caseId, departmentId: c.departmentId, reason: field.reason })
      byPointer.set(field.pointer, entry)
    }
  }
  const fields = [...byPointer.values()].sort((a, b) => a.pointer.localeCompare(b.pointer))
  return { fields, notes }
}
