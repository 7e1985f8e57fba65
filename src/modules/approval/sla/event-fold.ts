import {
  SPECIAL_PROCEDURE_KINDS,
  parseInstant,
  shanghaiDateOf,
  type ClockEvent,
  type ClockRefusal,
  type ClockRefusalCode,
  type DecisionOutcome,
  type PauseReason,
  type SpecialProcedureKind,
} from './clock-events.js'

/** A pause over the Shanghai dates (from, to]; `to` is null while it is still open. */
export type PauseSpan = {
  readonly reason: PauseReason
  readonly from: string
  readonly to: string | null
}

/** The event list folded into Shanghai dates, checked for order and pairing. */
export type Timeline = {
  readonly receivedOn: string
  /** Correction notices sent before any explicit acceptance (the 5-working-day rule). */
  readonly noticesBeforeAcceptance: readonly string[]
  readonly acceptedOn: string | null
  readonly pauses: readonly PauseSpan[]
  readonly extensionDays: number
  readonly decision: { readonly on: string; readonly outcome: DecisionOutcome } | null
  readonly licenceIssuedOn: string | null
  /** Shanghai date of `now`. */
  readonly today: string
}

export type FoldResult =
  | { readonly ok: true; readonly timeline: Timeline }
  | { readonly ok: false; readonly refusal: ClockRefusal }

type Fold = {
  receivedOn: string | null
  notices: string[]
  acceptedOn: string | null
  openCorrection: string | null
  openProcedures: Map<SpecialProcedureKind, string>
  pauses: PauseSpan[]
  extensionDays: number
  decision: { on: string; outcome: DecisionOutcome } | null
  licenceIssuedOn: string | null
}

/** Folds events (sorted by instant, ties in list order) into a timeline, or refuses them. */
export function foldClockEvents(
  events: readonly ClockEvent[],
  now: Date,
  maxExtensionDays?: number,
): FoldResult {
  const nowMs = now.getTime()
  if (Number.isNaN(nowMs)) return refuse('invalid_now')
  if (events[0]?.type !== 'received') return refuse('receipt_missing')
  const fold = emptyFold()
  let previousMs = -Infinity
  for (const [index, event] of events.entries()) {
    const ms = parseInstant(event.at)
    if (ms === undefined) return refuse('invalid_instant', index)
    if (ms < previousMs) return refuse('events_out_of_order', index)
    previousMs = ms
    const code = apply(fold, event, shanghaiDateOf(ms), maxExtensionDays)
    if (code !== undefined) return refuse(code, index)
  }
  if (nowMs < previousMs) return refuse('now_before_last_event')
  return { ok: true, timeline: finish(fold, shanghaiDateOf(nowMs)) }
}

function apply(
  fold: Fold,
  event: ClockEvent,
  on: string,
  maxExtensionDays: number | undefined,
): ClockRefusalCode | undefined {
  if (fold.decision !== null && event.type === 'decided') return 'decision_repeated'
  if (fold.decision !== null && event.type !== 'licence_issued') return 'event_after_decision'
  switch (event.type) {
    case 'received':
      if (fold.receivedOn !== null) return 'receipt_repeated'
      fold.receivedOn = on
      return undefined
    case 'correction_notified':
      if (fold.openCorrection !== null) return 'correction_already_open'
      fold.openCorrection = on
      if (fold.acceptedOn === null) fold.notices.push(on)
      return undefined
    case 'correction_resubmitted':
      if (fold.openCorrection === null) return 'correction_not_open'
      fold.pauses.push({ reason: 'correction', from: fold.openCorrection, to: on })
      fold.openCorrection = null
      return undefined
    case 'accepted':
      if (fold.acceptedOn !== null) return 'acceptance_repeated'
      if (fold.openCorrection !== null) return 'acceptance_during_correction'
      fold.acceptedOn = on
      return undefined
    case 'special_procedure_started':
    case 'special_procedure_ended':
      return applyProcedure(fold, event.type, event.kind, on)
    case 'extension_granted':
      return applyExtension(fold, event.days, maxExtensionDays)
    case 'decided':
      return applyDecision(fold, event.outcome, on)
    case 'licence_issued':
      if (fold.decision === null) return 'licence_before_decision'
      if (fold.decision.outcome === 'refused') return 'licence_after_refusal'
      if (fold.licenceIssuedOn !== null) return 'licence_repeated'
      fold.licenceIssuedOn = on
      return undefined
    default:
      return 'unknown_event'
  }
}

function applyProcedure(
  fold: Fold,
  type: 'special_procedure_started' | 'special_procedure_ended',
  kind: SpecialProcedureKind,
  on: string,
): ClockRefusalCode | undefined {
  if (!SPECIAL_PROCEDURE_KINDS.includes(kind)) return 'unknown_event'
  const openedOn = fold.openProcedures.get(kind)
  if (type === 'special_procedure_started') {
    if (openedOn !== undefined) return 'procedure_already_open'
    fold.openProcedures.set(kind, on)
    return undefined
  }
  if (openedOn === undefined) return 'procedure_not_open'
  fold.pauses.push({ reason: kind, from: openedOn, to: on })
  fold.openProcedures.delete(kind)
  return undefined
}

function applyExtension(
  fold: Fold,
  days: number,
  maxExtensionDays: number | undefined,
): ClockRefusalCode | undefined {
  if (!Number.isSafeInteger(days) || days < 1) return 'invalid_extension_days'
  if (fold.extensionDays > 0) return 'extension_repeated'
  if (maxExtensionDays !== undefined && days > maxExtensionDays) return 'extension_too_long'
  fold.extensionDays = days
  return undefined
}

function applyDecision(
  fold: Fold,
  outcome: DecisionOutcome | undefined,
  on: string,
): ClockRefusalCode | undefined {
  if (outcome !== undefined && outcome !== 'approved' && outcome !== 'refused') {
    return 'unknown_event'
  }
  if (fold.openCorrection !== null || fold.openProcedures.size > 0) return 'pause_open_at_decision'
  fold.decision = { on, outcome: outcome ?? 'approved' }
  return undefined
}

function finish(fold: Fold, today: string): Timeline {
  const open: PauseSpan[] = [...fold.openProcedures].map(([reason, from]) => ({
    reason,
    from,
    to: null,
  }))
  if (fold.openCorrection !== null)
    open.push({ reason: 'correction', from: fold.openCorrection, to: null })
  return {
    receivedOn: fold.receivedOn ?? today, // always set: the first event is the receipt
    noticesBeforeAcceptance: fold.notices,
    acceptedOn: fold.acceptedOn,
    pauses: [...fold.pauses, ...open],
    extensionDays: fold.extensionDays,
    decision: fold.decision,
    licenceIssuedOn: fold.licenceIssuedOn,
    today,
  }
}

function emptyFold(): Fold {
  return {
    receivedOn: null,
    notices: [],
    acceptedOn: null,
    openCorrection: null,
    openProcedures: new Map(),
    pauses: [],
    extensionDays: 0,
    decision: null,
    licenceIssuedOn: null,
  }
}

function refuse(code: ClockRefusalCode, eventIndex?: number): FoldResult {
  return { ok: false, refusal: eventIndex === undefined ? { code } : { code, eventIndex } }
}
