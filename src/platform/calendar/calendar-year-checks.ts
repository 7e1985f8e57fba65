import type { Holiday } from './calendar-year.js'
import { isWeekend, parseIsoDate, toEpochDay } from './iso-date.js'
import { issue, pointer, type CalendarValidationError } from './validation-issue.js'

export type DateRole = 'holiday' | 'make_up'

/** Shared state while checking the dates of one CalendarYear. */
export type DateContext = {
  /** undefined when the year itself is invalid: then only the date format is checked. */
  readonly year: number | undefined
  /** Every date seen so far in this year, with its role, to catch duplicates and conflicts. */
  readonly seen: Map<string, DateRole>
  readonly errors: CalendarValidationError[]
}

const HOLIDAY_KEYS = ['name', 'nameEn', 'days', 'makeUpWorkdays'] as const

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function checkNonEmptyString(
  value: unknown,
  path: string,
  errors: CalendarValidationError[],
): string {
  if (typeof value !== 'string') errors.push(issue(path, 'expected_string'))
  else if (value.trim() === '') errors.push(issue(path, 'empty_string'))
  return typeof value === 'string' ? value : ''
}

export function checkProperties(
  record: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  errors: CalendarValidationError[],
): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) errors.push(issue(pointer(path, key), 'unknown_property', key))
  }
}

export function checkHoliday(value: unknown, path: string, context: DateContext): Holiday {
  const { errors } = context
  if (!isRecord(value)) {
    errors.push(issue(path, 'expected_object'))
    return { name: '', nameEn: '', days: [], makeUpWorkdays: [] }
  }
  checkProperties(value, HOLIDAY_KEYS, path, errors)
  const name = checkNonEmptyString(value['name'], pointer(path, 'name'), errors)
  const nameEn = checkNonEmptyString(value['nameEn'], pointer(path, 'nameEn'), errors)
  const days = checkDates(value['days'], pointer(path, 'days'), 'holiday', context)
  if (Array.isArray(value['days']) && days.length === 0) {
    errors.push(issue(pointer(path, 'days'), 'empty_list'))
  }
  const makeUpWorkdays = checkDates(
    value['makeUpWorkdays'],
    pointer(path, 'makeUpWorkdays'),
    'make_up',
    context,
  )
  return { name, nameEn, days, makeUpWorkdays }
}

function checkDates(value: unknown, path: string, role: DateRole, context: DateContext): string[] {
  if (!Array.isArray(value)) {
    context.errors.push(issue(path, 'expected_array'))
    return []
  }
  return value.map((date: unknown, index) => checkDate(date, pointer(path, index), role, context))
}

export function checkDate(
  value: unknown,
  path: string,
  role: DateRole,
  context: DateContext,
): string {
  const { errors } = context
  if (typeof value !== 'string') {
    errors.push(issue(path, 'expected_string'))
    return ''
  }
  const date = parseIsoDate(value)
  if (date === undefined) {
    errors.push(issue(path, 'invalid_date', value))
    return value
  }
  if (context.year !== undefined && !isInYearWindow(date, context.year)) {
    errors.push(issue(path, 'date_outside_year', value))
  }
  if (role === 'make_up' && !isWeekend(toEpochDay(date.year, date.month, date.day))) {
    errors.push(issue(path, 'make_up_not_weekend', value))
  }
  checkUnique(value, path, role, context)
  return value
}

/** The year itself, plus 25–31 December of the previous year (see CalendarYear). */
function isInYearWindow(date: { year: number; month: number; day: number }, year: number): boolean {
  if (date.year === year) return true
  return date.year === year - 1 && date.month === 12 && date.day >= 25
}

function checkUnique(value: string, path: string, role: DateRole, context: DateContext): void {
  const previous = context.seen.get(value)
  if (previous === undefined) context.seen.set(value, role)
  else if (previous === role) context.errors.push(issue(path, 'duplicate_date', value))
  else context.errors.push(issue(path, 'holiday_and_make_up', value))
}
