import type { CalendarYear, Holiday } from './calendar-year.js'
import { validateCalendarYear } from './calendar-year.js'
import { CalendarDataError } from './calendar-data-error.js'
import { parseIsoDate, toEpochDay } from './iso-date.js'
import { issue, pointer, type CalendarValidationError } from './validation-issue.js'

export type HolidayName = { readonly name: string; readonly nameEn: string }

/** A day whose status differs from the plain weekday rule, keyed by epoch day. */
export type DayOverride = {
  readonly kind: 'holiday' | 'make_up_workday'
  readonly holiday: HolidayName
}

export type CalendarSource = {
  readonly years: readonly CalendarYear[]
  readonly overrides: ReadonlyMap<number, DayOverride>
}

/**
 * Validates every year, rejects duplicate years and dates claimed by two years' data
 * (possible through the December spill-over), and collects the per-day overrides.
 * Error paths are JSON pointers into the `years` array. Throws CalendarDataError.
 */
export function collectOverrides(input: readonly CalendarYear[]): CalendarSource {
  const errors: CalendarValidationError[] = []
  const years: CalendarYear[] = []
  const overrides = new Map<number, DayOverride>()
  input.forEach((candidate, index) => {
    const result = validateCalendarYear(candidate)
    if (!result.ok) {
      errors.push(...result.errors.map((e) => ({ ...e, path: pointer('', index) + e.path })))
      return
    }
    if (years.some((y) => y.year === result.value.year)) {
      errors.push(issue(pointer('', index, 'year'), 'duplicate_year', String(result.value.year)))
      return
    }
    years.push(result.value)
    addYear(result.value, pointer('', index), overrides, errors)
  })
  if (errors.length > 0) throw new CalendarDataError(errors)
  return { years: years.sort((a, b) => a.year - b.year), overrides }
}

function addYear(
  year: CalendarYear,
  path: string,
  overrides: Map<number, DayOverride>,
  errors: CalendarValidationError[],
): void {
  year.holidays.forEach((holiday, h) => {
    const name: HolidayName = { name: holiday.name, nameEn: holiday.nameEn }
    const add = (dates: Holiday['days'], key: string, kind: DayOverride['kind']): void => {
      dates.forEach((date, d) => {
        const day = epochDayOf(date)
        if (!overrides.has(day)) overrides.set(day, { kind, holiday: name })
        else errors.push(issue(pointer(path, 'holidays', h, key, d), 'duplicate_date', date))
      })
    }
    add(holiday.days, 'days', 'holiday')
    add(holiday.makeUpWorkdays, 'makeUpWorkdays', 'make_up_workday')
  })
}

/** Epoch day of an ISO date already known to be valid. */
export function epochDayOf(date: string): number {
  const civil = parseIsoDate(date)
  if (civil === undefined) throw new RangeError(`Not a valid YYYY-MM-DD date: ${date}`)
  return toEpochDay(civil.year, civil.month, civil.day)
}
