import { describe, expect, it } from 'vitest'
import { CalendarDataError } from './calendar-data-error.js'
import type { CalendarYear } from './calendar-year.js'
import { createWorkingCalendar } from './working-calendar.js'
import { BUILT_IN_CALENDAR_YEARS } from './years/built-in-years.js'
import { CALENDAR_2025 } from './years/2025.js'
import { CALENDAR_2026 } from './years/2026.js'

const calendar = createWorkingCalendar(BUILT_IN_CALENDAR_YEARS)
const unknownYear = (year: number) => ({ known: false, reason: 'year_not_loaded', year })

const FICTIONAL_2027: CalendarYear = {
  year: 2027,
  source: 'test data, not an official notice',
  holidays: [{ name: '元旦', nameEn: "New Year's Day", days: ['2027-01-01'], makeUpWorkdays: [] }],
}

describe('isWorkingDay', () => {
  it('treats 调休 Sundays and Saturdays as working days', () => {
    expect(calendar.isWorkingDay('2025-09-28')).toEqual({ known: true, value: true })
    expect(calendar.isWorkingDay('2025-10-11')).toEqual({ known: true, value: true })
    expect(calendar.isWorkingDay('2026-01-04')).toEqual({ known: true, value: true })
  })

  it('treats official holidays falling on weekdays as days off', () => {
    expect(calendar.isWorkingDay('2025-10-08')).toEqual({ known: true, value: false })
    expect(calendar.isWorkingDay('2026-02-23')).toEqual({ known: true, value: false })
  })

  it('follows the weekday rule on ordinary days', () => {
    expect(calendar.isWorkingDay('2025-03-14')).toEqual({ known: true, value: true })
    expect(calendar.isWorkingDay('2025-03-15')).toEqual({ known: true, value: false })
  })

  it('answers unknown for a year that is not loaded instead of guessing Monday–Friday', () => {
    expect(calendar.isWorkingDay('2024-03-13')).toEqual(unknownYear(2024))
    expect(calendar.isWorkingDay('2027-03-17')).toEqual(unknownYear(2027))
  })

  it('throws RangeError for a malformed date', () => {
    expect(() => calendar.isWorkingDay('2025-02-29')).toThrow(RangeError)
    expect(() => calendar.isWorkingDay('2025/10/01')).toThrow(RangeError)
  })
})

describe('describeDay', () => {
  it('names the holiday a make-up workday belongs to', () => {
    expect(calendar.describeDay('2026-02-28')).toEqual({
      known: true,
      value: {
        date: '2026-02-28',
        working: true,
        kind: 'make_up_workday',
        holiday: { name: '春节', nameEn: 'Spring Festival' },
      },
    })
    expect(calendar.describeDay('2026-03-01')).toEqual({
      known: true,
      value: { date: '2026-03-01', working: false, kind: 'weekend' },
    })
  })
})

describe('nextWorkingDay', () => {
  it('skips the whole 2025 National Day and Mid-Autumn break', () => {
    expect(calendar.nextWorkingDay('2025-09-30')).toEqual({ known: true, value: '2025-10-09' })
  })

  it('lands on a make-up Saturday', () => {
    expect(calendar.nextWorkingDay('2025-02-07')).toEqual({ known: true, value: '2025-02-08' })
  })

  it('crosses from 2025 into 2026 past the three-day 元旦 break', () => {
    expect(calendar.nextWorkingDay('2025-12-31')).toEqual({ known: true, value: '2026-01-04' })
  })
})

describe('addWorkingDays', () => {
  it('counts 20 working days across Spring Festival 2026 without counting the start day', () => {
    // 2/11–2/14 (2/14 is 调休) = 4, 2/24–2/28 = 9, 3/2–3/6 = 14, 3/9–3/13 = 19, 3/16 = 20
    expect(calendar.addWorkingDays('2026-02-10', 20)).toEqual({ known: true, value: '2026-03-16' })
  })

  it('returns the start for n = 0 on a working day and the next working day otherwise', () => {
    expect(calendar.addWorkingDays('2025-09-28', 0)).toEqual({ known: true, value: '2025-09-28' })
    expect(calendar.addWorkingDays('2025-10-01', 0)).toEqual({ known: true, value: '2025-10-09' })
  })

  it('counts from a holiday start as from the following working days', () => {
    expect(calendar.addWorkingDays('2025-10-03', 1)).toEqual({ known: true, value: '2025-10-09' })
    expect(calendar.addWorkingDays('2025-10-03', 3)).toEqual({ known: true, value: '2025-10-11' })
  })

  it('answers unknown when the count runs into 2027, which is not loaded', () => {
    expect(calendar.addWorkingDays('2026-12-24', 20)).toEqual(unknownYear(2027))
    expect(calendar.addWorkingDays('2026-12-30', 1)).toEqual({ known: true, value: '2026-12-31' })
  })

  it('spans several loaded years, skipping whole years by their totals', () => {
    const longer = calendar.withYear(FICTIONAL_2027)
    const workingDaysIn2026 = calendar.workingDaysBetween('2025-12-31', '2026-12-31')
    expect(workingDaysIn2026).toEqual({ known: true, value: 248 })
    expect(longer.addWorkingDays('2025-12-31', 248 + 1)).toEqual({
      known: true,
      value: '2027-01-04',
    })
  })

  it('rejects negative and fractional counts', () => {
    expect(() => calendar.addWorkingDays('2025-10-09', -1)).toThrow(RangeError)
    expect(() => calendar.addWorkingDays('2025-10-09', 1.5)).toThrow(RangeError)
  })

  it('agrees with a day-by-day reference count for every start date in 2025 and n ≤ 40', () => {
    const offDays = new Set(
      BUILT_IN_CALENDAR_YEARS.flatMap((y) => y.holidays.flatMap((h) => h.days)),
    )
    const makeUps = new Set(
      BUILT_IN_CALENDAR_YEARS.flatMap((y) => y.holidays.flatMap((h) => h.makeUpWorkdays)),
    )
    const isWorking = (ms: number): boolean => {
      const iso = new Date(ms).toISOString().slice(0, 10)
      const weekday = new Date(ms).getUTCDay()
      return makeUps.has(iso) || (!offDays.has(iso) && weekday !== 0 && weekday !== 6)
    }
    const reference = (startMs: number, n: number): string => {
      let ms = startMs
      let left = n
      if (n === 0) while (!isWorking(ms)) ms += 86_400_000
      while (left > 0) {
        ms += 86_400_000
        if (isWorking(ms)) left -= 1
      }
      return new Date(ms).toISOString().slice(0, 10)
    }
    for (let ms = Date.UTC(2025, 0, 1); ms <= Date.UTC(2025, 11, 31); ms += 86_400_000) {
      const start = new Date(ms).toISOString().slice(0, 10)
      for (let n = 0; n <= 40; n++) {
        const answer = calendar.addWorkingDays(start, n)
        const expected = reference(ms, n)
        if (!answer.known || answer.value !== expected) expect([start, n, answer]).toBe(expected)
      }
    }
  })
})

describe('workingDaysBetween', () => {
  it('counts the half-open interval (from, to] across National Day 2025', () => {
    // 9/28 (调休), 9/29, 9/30, 10/9, 10/10, 10/11 (调休)
    expect(calendar.workingDaysBetween('2025-09-26', '2025-10-12')).toEqual({
      known: true,
      value: 6,
    })
    expect(calendar.workingDaysBetween('2025-09-30', '2025-10-08')).toEqual({
      known: true,
      value: 0,
    })
  })

  it('is negative when to is before from, and zero for equal dates', () => {
    expect(calendar.workingDaysBetween('2025-10-12', '2025-09-26')).toEqual({
      known: true,
      value: -6,
    })
    expect(calendar.workingDaysBetween('2025-10-09', '2025-10-09')).toEqual({
      known: true,
      value: 0,
    })
  })

  it('is the inverse of addWorkingDays', () => {
    const end = calendar.addWorkingDays('2026-02-10', 20)
    expect(end.known && calendar.workingDaysBetween('2026-02-10', end.value)).toEqual({
      known: true,
      value: 20,
    })
  })

  it('counts 248 working days in 2025: 261 weekdays − 18 weekday holidays + 5 调休 days', () => {
    expect(calendar.workingDaysBetween('2024-12-31', '2025-12-31')).toEqual({
      known: true,
      value: 248,
    })
  })

  it('answers unknown with the first missing year for a span into 2027', () => {
    expect(calendar.workingDaysBetween('2026-12-01', '2027-01-15')).toEqual(unknownYear(2027))
    expect(calendar.workingDaysBetween('2023-06-01', '2025-01-15')).toEqual(unknownYear(2023))
  })
})

describe('building calendars', () => {
  it('lists loaded years in ascending order', () => {
    expect(createWorkingCalendar([CALENDAR_2026, CALENDAR_2025]).loadedYears()).toEqual([
      2025, 2026,
    ])
  })

  it('returns a new calendar from withYear and leaves the original unchanged', () => {
    const only2025 = createWorkingCalendar([CALENDAR_2025])
    const both = only2025.withYear(CALENDAR_2026)
    expect(only2025.loadedYears()).toEqual([2025])
    expect(both.loadedYears()).toEqual([2025, 2026])
    expect(only2025.isWorkingDay('2026-01-05')).toEqual(unknownYear(2026))
    expect(both.isWorkingDay('2026-01-05')).toEqual({ known: true, value: true })
  })

  it('replaces the data of a year already loaded when withYear gets a revision', () => {
    const extended = {
      ...CALENDAR_2025,
      holidays: [
        ...CALENDAR_2025.holidays,
        { name: '测试', nameEn: 'Test', days: ['2025-03-14'], makeUpWorkdays: [] },
      ],
    }
    const revised = calendar.withYear(extended)
    expect(revised.isWorkingDay('2025-03-14')).toEqual({ known: true, value: false })
    expect(revised.loadedYears()).toEqual([2025, 2026])
  })

  it('applies a next-year notice that reaches back into December', () => {
    const reachesBack: CalendarYear = {
      ...FICTIONAL_2027,
      holidays: [{ ...FICTIONAL_2027.holidays[0]!, makeUpWorkdays: ['2026-12-27'] }],
    }
    expect(calendar.isWorkingDay('2026-12-27')).toEqual({ known: true, value: false })
    expect(calendar.withYear(reachesBack).isWorkingDay('2026-12-27')).toEqual({
      known: true,
      value: true,
    })
  })

  it('throws CalendarDataError pointing into the input array for bad or duplicate years', () => {
    const broken = { ...CALENDAR_2026, holidays: [{ ...CALENDAR_2026.holidays[0]!, name: '' }] }
    const attempt = (): unknown => createWorkingCalendar([CALENDAR_2025, broken, CALENDAR_2025])
    expect(attempt).toThrow(CalendarDataError)
    try {
      attempt()
    } catch (error) {
      expect(
        error instanceof CalendarDataError && error.errors.map((e) => [e.path, e.code]),
      ).toEqual([
        ['/1/holidays/0/name', 'empty_string'],
        ['/2/year', 'duplicate_year'],
      ])
    }
  })
})
