import {
  known,
  yearNotLoaded,
  type Answer,
  type CountAnswer,
  type DateAnswer,
  type DayAnswer,
} from './answers.js'
import type { CalendarYear } from './calendar-year.js'
import { collectOverrides, type DayOverride, type HolidayName } from './day-overrides.js'
import { formatEpochDay, parseIsoDate, toEpochDay, type CivilDate } from './iso-date.js'
import { countWorkingDays, nthWorkingDayFrom } from './working-day-scan.js'
import { buildYearTable, dayKindAt, type DayKind, type YearTable } from './year-table.js'

export type DayDescription = {
  readonly date: string
  readonly working: boolean
  readonly kind: DayKind
  /** Present for holidays and make-up workdays: the holiday the day belongs to. */
  readonly holiday?: HolidayName
}

/**
 * Chinese statutory working-day calendar over the loaded years only.
 *
 * Dates are 'YYYY-MM-DD' Asia/Shanghai calendar dates; a malformed date, or a negative or
 * non-integer count, throws RangeError. A day is known only if its own year is loaded; any
 * question touching an unloaded year answers { known: false, reason: 'year_not_loaded' }.
 * Caveat: 25–31 December of year Y can be changed by the notice for Y + 1 (调休 spill-over);
 * load Y + 1 as soon as it is published.
 */
export type WorkingCalendar = {
  isWorkingDay(date: string): DayAnswer
  describeDay(date: string): Answer<DayDescription>
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): DateAnswer
  /**
   * Deadline counting of Chinese administrative time limits (期间开始的当日不计入; 行政许可法
   * 第八十二条: limits in working days exclude statutory holidays): the start day is never
   * counted, so n ≥ 1 returns the nth working day strictly after `start`. n = 0 returns
   * `start` if it is a working day, otherwise the next working day.
   */
  addWorkingDays(start: string, n: number): DateAnswer
  /**
   * Working days in the half-open interval (from, to]. If to < from the result is negative:
   * workingDaysBetween(a, b) === -workingDaysBetween(b, a); equal dates give 0.
   */
  workingDaysBetween(from: string, to: string): CountAnswer
  /** Loaded years, ascending. */
  loadedYears(): number[]
  /** A new calendar with `year` added, replacing any loaded data for the same year. */
  withYear(year: CalendarYear): WorkingCalendar
}

/** Builds a calendar from official year data; throws CalendarDataError on invalid data. */
export function createWorkingCalendar(years: readonly CalendarYear[]): WorkingCalendar {
  return new TableCalendar(years)
}

type Located = { readonly table: YearTable; readonly day: number }

class TableCalendar implements WorkingCalendar {
  readonly #years: readonly CalendarYear[]
  readonly #overrides: ReadonlyMap<number, DayOverride>
  readonly #tables = new Map<number, YearTable>()

  constructor(input: readonly CalendarYear[]) {
    const { years, overrides } = collectOverrides(input)
    this.#years = years
    this.#overrides = overrides
    for (const { year } of years) this.#tables.set(year, buildYearTable(year, overrides))
  }

  isWorkingDay(date: string): DayAnswer {
    const located = this.#locate(date)
    if (!located.known) return located
    const { table, day } = located.value
    return known(table.working[day - table.firstDay] === 1)
  }

  describeDay(date: string): Answer<DayDescription> {
    const located = this.#locate(date)
    if (!located.known) return located
    const { table, day } = located.value
    const kind = dayKindAt(table, day - table.firstDay)
    const working = kind === 'workday' || kind === 'make_up_workday'
    const holiday = this.#overrides.get(day)?.holiday
    return known(holiday === undefined ? { date, working, kind } : { date, working, kind, holiday })
  }

  nextWorkingDay(date: string): DateAnswer {
    return this.addWorkingDays(date, 1)
  }

  addWorkingDays(start: string, n: number): DateAnswer {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`addWorkingDays: n must be a non-negative integer, got ${n}`)
    }
    const day = toDay(start)
    // n = 0: first working day on or after start; otherwise counting begins the day after start.
    const found =
      n === 0
        ? nthWorkingDayFrom(this.#tables, day, 1)
        : nthWorkingDayFrom(this.#tables, day + 1, n)
    return mapAnswer(found, formatEpochDay)
  }

  workingDaysBetween(from: string, to: string): CountAnswer {
    const a = toDay(from)
    const b = toDay(to)
    if (a <= b) return countWorkingDays(this.#tables, a + 1, b)
    return mapAnswer(countWorkingDays(this.#tables, b + 1, a), (count) => -count)
  }

  loadedYears(): number[] {
    return this.#years.map((y) => y.year)
  }

  withYear(year: CalendarYear): WorkingCalendar {
    return new TableCalendar([...this.#years.filter((y) => y.year !== year.year), year])
  }

  #locate(date: string): Answer<Located> {
    const civil = parseDate(date)
    const table = this.#tables.get(civil.year)
    if (table === undefined) return yearNotLoaded(civil.year)
    return known({ table, day: toEpochDay(civil.year, civil.month, civil.day) })
  }
}

function mapAnswer<T, U>(answer: Answer<T>, map: (value: T) => U): Answer<U> {
  return answer.known ? known(map(answer.value)) : answer
}

function parseDate(date: string): CivilDate {
  const civil = parseIsoDate(date)
  if (civil === undefined) throw new RangeError(`Not a valid YYYY-MM-DD date: ${date}`)
  return civil
}

function toDay(date: string): number {
  const { year, month, day } = parseDate(date)
  return toEpochDay(year, month, day)
}
