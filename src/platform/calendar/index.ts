// Public surface of the Chinese statutory working-day calendar (pure, no I/O).

/** Known-or-unknown answers; unknown always means 'year_not_loaded', never a weekday guess. */
export type { Answer, CountAnswer, DateAnswer, DayAnswer, UnknownAnswer } from './answers.js'
/** Data shape of one year's State Council holiday notice. */
export type { CalendarYear, Holiday } from './calendar-year.js'
/** Validates untrusted year data; errors carry JSON-pointer paths and zh/en messages. */
export { validateCalendarYear, MIN_CALENDAR_YEAR, MAX_CALENDAR_YEAR } from './calendar-year.js'
/** Validation error shapes shared by validateCalendarYear and CalendarDataError. */
export type {
  CalendarErrorCode,
  CalendarValidationError,
  LocalizedText,
  ValidationResult,
} from './validation-issue.js'
/** Thrown by createWorkingCalendar / withYear on invalid, duplicate or conflicting data. */
export { CalendarDataError } from './calendar-data-error.js'
/** Official arrangements shipped with tongban (2025, 2026), ascending by year. */
export { BUILT_IN_CALENDAR_YEARS } from './years/built-in-years.js'
/** Builds an immutable working calendar over the given years only. */
export { createWorkingCalendar } from './working-calendar.js'
/** Queries; addWorkingDays never counts the start day, workingDaysBetween counts (from, to]. */
export type { DayDescription, WorkingCalendar } from './working-calendar.js'
/** Classification of a day: workday, weekend, holiday or make_up_workday (调休上班). */
export type { DayKind } from './year-table.js'
/** Holiday name pair attached to holidays and make-up workdays. */
export type { HolidayName } from './day-overrides.js'
/** Instant → Asia/Shanghai 'YYYY-MM-DD' (fixed UTC+8). */
export { toShanghaiDate } from './shanghai-date.js'
/** True for a strict, existing 'YYYY-MM-DD' date; check user input before calendar calls. */
export { isIsoDate } from './iso-date.js'
