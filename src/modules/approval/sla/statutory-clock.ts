import type { Answer, WorkingCalendar } from '../../../platform/calendar/index.js'
import { decideAcceptance, type Acceptance, type CorrectionNoticeView } from './acceptance.js'
import { answerOf } from './calendar-gaps.js'
import type { ClockEvent, ClockRefusal, ClockRefusalCode, PauseReason } from './clock-events.js'
import { mergeSpans, workingDaysInSpans, type DateSpan } from './date-spans.js'
import { foldClockEvents, type Timeline } from './event-fold.js'
import { evaluateLimit, worstOf, type LimitState, type LimitView } from './limit-view.js'

/** 行政许可法 第四十四条: the licence is issued within 10 working days of the decision. */
export const LICENCE_ISSUE_DAYS = 10

/** 行政许可法 第四十二条: 20 days (+10 with approval); joint handling 45 days (+15). */
export const DECISION_LIMITS = {
  single: { days: 20, extensionDays: 10 },
  joint: { days: 45, extensionDays: 15 },
} as const

export type ClockState = LimitState | 'not_started'

export type PausedDays = {
  /** Paused working days after acceptance; overlapping pauses count a day once. */
  readonly total: number
  /** Per reason; a day inside two overlapping pauses counts under both. */
  readonly byReason: Partial<Record<PauseReason, number>>
  /** Pauses still open at `now` (counted through today). */
  readonly open: readonly PauseReason[]
}

export type ClockView = {
  /** Shanghai date of `now`. */
  readonly asOf: string
  readonly receivedOn: string
  readonly correctionNotice: CorrectionNoticeView
  readonly acceptance: Acceptance
  readonly pausedDays: Answer<PausedDays>
  readonly extensionDays: number
  /** Null until the clock has started. */
  readonly promised: LimitView | null
  /** Includes the granted extension. Null until the clock has started. */
  readonly statutory: LimitView | null
  readonly state: ClockState
  readonly decidedOn: string | null
  readonly decidedOnTime: {
    readonly promised: boolean | null
    readonly statutory: boolean | null
  } | null
  /** Licence-issue limit; null until an approving decision. */
  readonly licence: LimitView | null
}

export type ClockInput = {
  readonly events: readonly ClockEvent[]
  readonly promisedDays: number
  readonly statutoryDays: number
  readonly calendar: WorkingCalendar
  readonly now: Date
  /** When set, a longer extension is refused (see DECISION_LIMITS). */
  readonly maxExtensionDays?: number
}

export type ClockResult =
  | { readonly ok: true; readonly view: ClockView }
  | { readonly ok: false; readonly refusal: ClockRefusal }

type LimitsPart = Pick<
  ClockView,
  'pausedDays' | 'promised' | 'statutory' | 'state' | 'decidedOnTime'
>

/** Folds a case's events into its promised and statutory clocks as seen at `now`. */
export function computeClock(input: ClockInput): ClockResult {
  const invalid = checkLimits(input)
  if (invalid !== undefined) return { ok: false, refusal: { code: invalid } }
  const folded = foldClockEvents(input.events, input.now, input.maxExtensionDays)
  if (!folded.ok) return folded
  const { timeline } = folded
  const { acceptance, correctionNotice } = decideAcceptance(timeline, input.calendar)
  if (timeline.decision !== null && acceptance.status === 'pending') {
    return { ok: false, refusal: { code: 'decision_before_acceptance' } }
  }
  const limits =
    acceptance.status === 'accepted' || acceptance.status === 'deemed'
      ? runningLimits(input, timeline, acceptance.on)
      : notStarted(timeline, acceptance)
  const view: ClockView = {
    asOf: timeline.today,
    receivedOn: timeline.receivedOn,
    correctionNotice,
    acceptance,
    extensionDays: timeline.extensionDays,
    decidedOn: timeline.decision?.on ?? null,
    licence: licenceLimit(input.calendar, timeline),
    ...limits,
  }
  return { ok: true, view }
}

function checkLimits(input: ClockInput): ClockRefusalCode | undefined {
  const { promisedDays, statutoryDays, maxExtensionDays } = input
  const counts = [promisedDays, statutoryDays, maxExtensionDays ?? 0]
  if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0)) return 'invalid_limit_days'
  return promisedDays > statutoryDays ? 'promised_exceeds_statutory' : undefined
}

// The extension (第四十二条) lengthens the statutory limit only: the promised limit is the
// department's own public commitment and is not moved by approving more time.
function runningLimits(input: ClockInput, timeline: Timeline, acceptedOn: string): LimitsPart {
  const spans = pauseSpans(timeline)
  const finished = timeline.decision !== null
  const end = timeline.decision?.on ?? timeline.today
  const pauses = mergeSpans(spans.map(({ span }) => span))
  const limit = (days: number): LimitView =>
    evaluateLimit({ calendar: input.calendar, start: acceptedOn, days, pauses, end, finished })
  const promised = limit(input.promisedDays)
  const statutory = limit(input.statutoryDays + timeline.extensionDays)
  return {
    pausedDays: pausedDaysOf(input.calendar, timeline, acceptedOn, end),
    promised,
    statutory,
    state: finished ? 'stopped' : worstOf(promised.state, statutory.state),
    decidedOnTime: finished ? { promised: promised.onTime, statutory: statutory.onTime } : null,
  }
}

function notStarted(timeline: Timeline, acceptance: Acceptance): LimitsPart {
  const state: ClockState =
    timeline.decision !== null
      ? 'stopped'
      : acceptance.status === 'unknown'
        ? 'unknown'
        : 'not_started'
  const pausedDays = { known: true, value: { total: 0, byReason: {}, open: [] } } as const
  return { pausedDays, promised: null, statutory: null, state, decidedOnTime: null }
}

type ReasonSpan = { readonly reason: PauseReason; readonly span: DateSpan }

/** Pauses as date spans; one still open runs through today. */
function pauseSpans(timeline: Timeline): ReasonSpan[] {
  return timeline.pauses.map(({ reason, from, to }) => ({
    reason,
    span: { after: from, through: to ?? timeline.today },
  }))
}

function pausedDaysOf(
  calendar: WorkingCalendar,
  timeline: Timeline,
  acceptedOn: string,
  end: string,
): Answer<PausedDays> {
  const spans = pauseSpans(timeline)
  const count = (subset: readonly ReasonSpan[]): number =>
    workingDaysInSpans(calendar, mergeSpans(subset.map(({ span }) => span)), acceptedOn, end)
  return answerOf(() => {
    const byReason: Partial<Record<PauseReason, number>> = {}
    for (const reason of new Set(spans.map((s) => s.reason))) {
      byReason[reason] = count(spans.filter((s) => s.reason === reason))
    }
    const open = timeline.pauses.filter((p) => p.to === null).map((p) => p.reason)
    return { total: count(spans), byReason, open }
  })
}

function licenceLimit(calendar: WorkingCalendar, timeline: Timeline): LimitView | null {
  const { decision, licenceIssuedOn, today } = timeline
  if (decision === null || decision.outcome === 'refused') return null
  return evaluateLimit({
    calendar,
    start: decision.on,
    days: LICENCE_ISSUE_DAYS,
    pauses: [],
    end: licenceIssuedOn ?? today,
    finished: licenceIssuedOn !== null,
  })
}
