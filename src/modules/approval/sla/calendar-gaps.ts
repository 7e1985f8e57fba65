import type { Answer, UnknownAnswer } from '../../../platform/calendar/index.js'

// Deadline arithmetic chains many calendar answers; `must` unwraps a known one and throws for
// an unloaded year, `answerOf` turns that throw back into the calendar's unknown answer.
class YearNotLoaded extends Error {
  constructor(readonly answer: UnknownAnswer) {
    super(`calendar year ${answer.year} is not loaded`)
  }
}

/** The known value, or a throw that `answerOf` catches. */
export function must<T>(answer: Answer<T>): T {
  if (answer.known) return answer.value
  throw new YearNotLoaded(answer)
}

/** Runs `compute`; an unloaded year met by `must` becomes { known: false, … }. */
export function answerOf<T>(compute: () => T): Answer<T> {
  try {
    return { known: true, value: compute() }
  } catch (error) {
    if (error instanceof YearNotLoaded) return error.answer
    throw error
  }
}

/**
 * date ≤ deadline. An unknown deadline lies on or after 1 January of its missing year (the
 * calendar scans forward), so dates in earlier years are known to come before it.
 */
export function onOrBefore(date: string, deadline: Answer<string>): Answer<boolean> {
  if (deadline.known) return { known: true, value: date <= deadline.value }
  return Number(date.slice(0, 4)) < deadline.year ? { known: true, value: true } : deadline
}
