import { isIsoDate, toShanghaiDate } from '../../../platform/calendar/index.js'

/**
 * 行政许可法 第四十五条 special procedures whose duration is not counted in the limit:
 * 听证, 招标/拍卖, 检验/检测, 检疫, 鉴定, 专家评审, plus 现场勘验 and 公示.
 */
export const SPECIAL_PROCEDURE_KINDS = [
  'hearing',
  'tender_auction',
  'testing',
  'quarantine',
  'appraisal',
  'expert_review',
  'inspection',
  'announcement',
] as const
export type SpecialProcedureKind = (typeof SPECIAL_PROCEDURE_KINDS)[number]

/** Why the clock stood still: waiting for the applicant's 补正, or a special procedure. */
export type PauseReason = 'correction' | SpecialProcedureKind

/** 'refused' (不予许可) decisions start no licence-issue clock. */
export type DecisionOutcome = 'approved' | 'refused'

/** One fact about a case; `at` is an ISO-8601 instant with an explicit offset or Z. */
export type ClockEvent =
  | { readonly type: 'received'; readonly at: string }
  | { readonly type: 'correction_notified'; readonly at: string }
  | { readonly type: 'correction_resubmitted'; readonly at: string }
  | { readonly type: 'accepted'; readonly at: string }
  | {
      readonly type: 'special_procedure_started'
      readonly at: string
      readonly kind: SpecialProcedureKind
    }
  | {
      readonly type: 'special_procedure_ended'
      readonly at: string
      readonly kind: SpecialProcedureKind
    }
  | { readonly type: 'extension_granted'; readonly at: string; readonly days: number }
  | { readonly type: 'decided'; readonly at: string; readonly outcome?: DecisionOutcome }
  | { readonly type: 'licence_issued'; readonly at: string }

/** Stable codes for an event list (or input) the clock refuses to interpret. */
export type ClockRefusalCode =
  | 'invalid_instant'
  | 'invalid_now'
  | 'invalid_limit_days'
  | 'promised_exceeds_statutory'
  | 'unknown_event'
  | 'events_out_of_order'
  | 'now_before_last_event'
  | 'receipt_missing'
  | 'receipt_repeated'
  | 'correction_already_open'
  | 'correction_not_open'
  | 'acceptance_repeated'
  | 'acceptance_during_correction'
  | 'procedure_already_open'
  | 'procedure_not_open'
  | 'invalid_extension_days'
  | 'extension_repeated'
  | 'extension_too_long'
  | 'decision_repeated'
  | 'decision_before_acceptance'
  | 'pause_open_at_decision'
  | 'event_after_decision'
  | 'licence_before_decision'
  | 'licence_after_refusal'
  | 'licence_repeated'

/** `eventIndex` points at the offending event when there is one. */
export type ClockRefusal = { readonly code: ClockRefusalCode; readonly eventIndex?: number }

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

/** Epoch milliseconds of a strict ISO instant; undefined for anything else (no local times). */
export function parseInstant(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return undefined
  // Date.parse rolls '2025-02-30' over into March instead of rejecting it.
  if (!isIsoDate(value.slice(0, 10))) return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : ms
}

/** Asia/Shanghai date of epoch milliseconds. */
export function shanghaiDateOf(ms: number): string {
  return toShanghaiDate(new Date(ms))
}
