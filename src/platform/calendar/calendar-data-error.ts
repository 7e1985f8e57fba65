import type { CalendarValidationError } from './validation-issue.js'

/** Thrown when building a calendar from invalid or conflicting year data. */
export class CalendarDataError extends Error {
  readonly errors: readonly CalendarValidationError[]

  constructor(errors: readonly CalendarValidationError[]) {
    const first = errors[0]
    const summary = first === undefined ? '' : `: ${first.path} ${first.message.en}`
    super(`Invalid working-calendar data (${errors.length} error(s))${summary}`)
    this.name = 'CalendarDataError'
    this.errors = errors
  }
}
