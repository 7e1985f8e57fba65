/** Statutory clocks (法定/承诺时限) over the platform working-day calendar: pure, `now` passed in. */

// Event list driving one case's clock (JSON-serialisable; instants are ISO strings with an offset).
export { SPECIAL_PROCEDURE_KINDS } from './clock-events.js'
export type {
  ClockEvent,
  ClockRefusal,
  ClockRefusalCode,
  DecisionOutcome,
  PauseReason,
  SpecialProcedureKind,
} from './clock-events.js'

// computeClock({ events, promisedDays, statutoryDays, calendar, now }) → { ok, view } | { ok: false, refusal }.
export { computeClock, DECISION_LIMITS, LICENCE_ISSUE_DAYS } from './statutory-clock.js'
export type {
  ClockInput,
  ClockResult,
  ClockState,
  ClockView,
  PausedDays,
} from './statutory-clock.js'
// Acceptance (受理 / 视为受理) and the 5-working-day correction-notice rule inside a ClockView.
export { CORRECTION_NOTICE_DAYS } from './acceptance.js'
export type { Acceptance, CorrectionNoticeView, DeemedReason } from './acceptance.js'
// One limit's deadline, used/remaining working days, share used, state and on-time verdict.
export type { LimitState, LimitView } from './limit-view.js'

// onTimeRate(cases) → per department and per item: decided within promised / statutory limits.
export { createOnTimeTally, onTimeRate } from './sla-summary.js'
// escalations(cases, now) → amber limits to warn about and red ones to escalate, most urgent first.
export { escalations } from './sla-summary.js'
export type {
  EscalatedLimit,
  Escalation,
  EscalationLevel,
  EscalationReport,
  OnTimeRate,
  OnTimeRates,
  SlaCase,
} from './sla-summary.js'

// computeRectificationClock({ order, limits?, calendar, now }) → 差评 respond/rectify/close deadlines.
export { computeRectificationClock, DEFAULT_RECTIFICATION_LIMITS } from './rectification-clock.js'
export type {
  RectificationInput,
  RectificationLimits,
  RectificationOrder,
  RectificationRefusalCode,
  RectificationResult,
  RectificationView,
} from './rectification-clock.js'
