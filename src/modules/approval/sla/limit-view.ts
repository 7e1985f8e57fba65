import type { DateAnswer, WorkingCalendar } from '../../../platform/calendar/index.js'
import { answerOf, must } from './calendar-gaps.js'
import { workingDaysInSpans, type DateSpan } from './date-spans.js'

/** green < 80 % used ≤ amber ≤ deadline < red; stopped once finished; unknown past the calendar. */
export type LimitState = 'green' | 'amber' | 'red' | 'unknown' | 'stopped'

/** One working-day limit measured at `end`. Counts are null only when they cannot be known. */
export type LimitView = {
  readonly limitDays: number
  /** The last day allowed, moved on by paused working days. */
  readonly deadline: DateAnswer
  /** Unpaused working days after the start up to `end`. */
  readonly usedDays: number | null
  /** Unpaused working days left after `end`; negative when overdue. */
  readonly remainingDays: number | null
  /** usedDays / limitDays; null for a 0-day limit. */
  readonly shareUsed: number | null
  readonly state: LimitState
  /** For a finished limit, whether it finished by the deadline; null while running or unknown. */
  readonly onTime: boolean | null
  /** The calendar year to load to answer what is unknown here. */
  readonly missingYear: number | null
}

export type LimitInput = {
  readonly calendar: WorkingCalendar
  /** The start day, never counted itself (期间开始之日不计入). */
  readonly start: string
  readonly days: number
  /** Merged paused spans (open ones closed at today). */
  readonly pauses: readonly DateSpan[]
  /** Measured up to: the finish date, or today. */
  readonly end: string
  readonly finished: boolean
}

type Measured = { used: number; remaining: number; overdue: boolean }

/** Deadline, progress and state of one limit. */
export function evaluateLimit(input: LimitInput): LimitView {
  const deadline = answerOf(() => deadlineOf(input))
  const measured = answerOf(() => measure(input, deadline))
  if (!measured.known) return unknownLimit(input, deadline, measured.year)
  const { used, remaining, overdue } = measured.value
  return {
    limitDays: input.days,
    deadline,
    usedDays: used,
    remainingDays: remaining,
    shareUsed: input.days > 0 ? used / input.days : null,
    state: stateOf(input, used, overdue),
    onTime: input.finished ? !overdue : null,
    missingYear: deadline.known ? null : deadline.year,
  }
}

/**
 * The day of the `days`-th unpaused working day after `start`. Pauses after that day do not
 * move it: a limit already missed is not rescued by a later pause. A 0-day limit is due on
 * `start` when it is a working day, otherwise on the next unpaused working day.
 */
function deadlineOf({ calendar, start, days, pauses }: LimitInput): string {
  if (days === 0 && must(calendar.isWorkingDay(start))) return start
  const unpaused = Math.max(days, 1)
  let counted = unpaused
  for (;;) {
    const candidate = must(calendar.addWorkingDays(start, counted))
    const total = unpaused + workingDaysInSpans(calendar, pauses, start, candidate)
    if (total === counted) return candidate
    counted = total
  }
}

function measure(input: LimitInput, deadline: DateAnswer): Measured {
  const { calendar, start, end, days } = input
  if (deadline.known && end > deadline.value) {
    // Overdue: every working day past the deadline counts, paused or not.
    const over = must(calendar.workingDaysBetween(deadline.value, end))
    return {
      used: unpaused(input, start, deadline.value) + over,
      remaining: over > 0 ? -over : 0,
      overdue: true,
    }
  }
  const used = unpaused(input, start, end)
  if (deadline.known) {
    return { used, remaining: unpaused(input, end, deadline.value), overdue: false }
  }
  // `end` is in a loaded year, so it lies before the unknown deadline and the rest is ahead.
  if (days === 0 || used >= days) must(deadline)
  return { used, remaining: days - used, overdue: false }
}

function unpaused({ calendar, pauses }: LimitInput, after: string, through: string): number {
  const all = must(calendar.workingDaysBetween(after, through))
  return all - workingDaysInSpans(calendar, pauses, after, through)
}

function stateOf({ days, finished }: LimitInput, used: number, overdue: boolean): LimitState {
  if (finished) return 'stopped'
  if (overdue) return 'red'
  // 80 % in integers; a 0-day limit (即办件) is due at once, so it is never green.
  return days === 0 || used * 5 >= days * 4 ? 'amber' : 'green'
}

function unknownLimit(input: LimitInput, deadline: DateAnswer, year: number): LimitView {
  return {
    limitDays: input.days,
    deadline,
    usedDays: null,
    remainingDays: null,
    shareUsed: null,
    state: input.finished ? 'stopped' : 'unknown',
    onTime: null,
    missingYear: year,
  }
}

const SEVERITY: Record<LimitState, number> = { stopped: 0, green: 1, amber: 2, red: 3, unknown: 4 }

/** The most urgent state; unknown wins, since nothing safe can be said then. */
export function worstOf(...states: readonly LimitState[]): LimitState {
  return states.reduce((worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst), 'stopped')
}
