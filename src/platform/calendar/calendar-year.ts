import {
  checkHoliday,
  checkNonEmptyString,
  checkProperties,
  isRecord,
  type DateRole,
} from './calendar-year-checks.js'
import {
  issue,
  pointer,
  type CalendarValidationError,
  type ValidationResult,
} from './validation-issue.js'

/** One public holiday from a State Council notice (国务院办公厅关于部分节假日安排的通知). */
export type Holiday = {
  /** Chinese name as in the notice, e.g. 春节. */
  readonly name: string
  readonly nameEn: string
  /** Every official day off ('YYYY-MM-DD'), weekends inside the span included. */
  readonly days: readonly string[]
  /** 调休: Saturdays/Sundays that become working days for this holiday. */
  readonly makeUpWorkdays: readonly string[]
}

/**
 * The official holiday arrangement for one calendar year.
 *
 * Date rule: every date must fall in `year`, except that dates from 25–31 December of
 * `year - 1` are accepted, because 元旦 arrangements have reached back into the previous
 * December (2012: make-up workday 2011-12-31; 2018 and 2023: 元旦 break started 12-30/12-31).
 * The first week of `year + 1` is never accepted: it belongs to the next year's notice.
 */
export type CalendarYear = {
  readonly year: number
  /** Notice title and document number, e.g. 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）. */
  readonly source: string
  readonly holidays: readonly Holiday[]
}

export const MIN_CALENDAR_YEAR = 1949
export const MAX_CALENDAR_YEAR = 2200

const YEAR_KEYS = ['year', 'source', 'holidays'] as const

export function validateCalendarYear(input: unknown): ValidationResult<CalendarYear> {
  const errors: CalendarValidationError[] = []
  if (!isRecord(input)) return { ok: false, errors: [issue('', 'expected_object')] }
  checkProperties(input, YEAR_KEYS, '', errors)
  const year = checkYear(input['year'], errors)
  const source = checkNonEmptyString(input['source'], '/source', errors)
  const holidays = checkHolidays(input['holidays'], year, errors)
  if (errors.length > 0 || year === undefined) return { ok: false, errors }
  return { ok: true, value: { year, source, holidays } }
}

function checkYear(value: unknown, errors: CalendarValidationError[]): number | undefined {
  const valid =
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= MIN_CALENDAR_YEAR &&
    value <= MAX_CALENDAR_YEAR
  if (valid) return value
  errors.push(issue('/year', 'invalid_year'))
  return undefined
}

function checkHolidays(
  value: unknown,
  year: number | undefined,
  errors: CalendarValidationError[],
): Holiday[] {
  if (!Array.isArray(value)) {
    errors.push(issue('/holidays', 'expected_array'))
    return []
  }
  if (value.length === 0) errors.push(issue('/holidays', 'empty_list'))
  const seen = new Map<string, DateRole>()
  return value.map((holiday: unknown, index) =>
    checkHoliday(holiday, pointer('/holidays', index), { year, seen, errors }),
  )
}
