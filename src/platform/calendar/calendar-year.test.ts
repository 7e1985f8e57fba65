import { describe, expect, it } from 'vitest'
import { validateCalendarYear } from './calendar-year.js'
import { BUILT_IN_CALENDAR_YEARS } from './years/built-in-years.js'

const minimal = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  year: 2025,
  source: 'test notice',
  holidays: [{ name: '元旦', nameEn: "New Year's Day", days: ['2025-01-01'], makeUpWorkdays: [] }],
  ...overrides,
})

const withHoliday = (holiday: Record<string, unknown>, year = 2025): Record<string, unknown> =>
  minimal({ year, holidays: [{ name: '测试', nameEn: 'Test', makeUpWorkdays: [], ...holiday }] })

const errorsOf = (input: unknown): Array<{ path: string; code: string }> => {
  const result = validateCalendarYear(input)
  return result.ok ? [] : result.errors.map(({ path, code }) => ({ path, code }))
}

describe('validateCalendarYear', () => {
  it('accepts every built-in year and returns an equal copy', () => {
    for (const year of BUILT_IN_CALENDAR_YEARS) {
      const result = validateCalendarYear(year)
      expect(result).toEqual({ ok: true, value: year })
      if (result.ok) expect(result.value).not.toBe(year)
    }
  })

  it('rejects non-integer and out-of-range years', () => {
    expect(errorsOf(minimal({ year: 1948 }))).toEqual([{ path: '/year', code: 'invalid_year' }])
    expect(errorsOf(minimal({ year: 2201 }))).toEqual([{ path: '/year', code: 'invalid_year' }])
    expect(errorsOf(minimal({ year: 2025.5 }))).toEqual([{ path: '/year', code: 'invalid_year' }])
    expect(errorsOf(minimal({ year: '2025' }))).toEqual([{ path: '/year', code: 'invalid_year' }])
  })

  it('points at each non-existent date by JSON pointer', () => {
    const input = withHoliday({ days: ['2025-10-01', '2025-02-29', '2025-10-3'] })
    expect(errorsOf(input)).toEqual([
      { path: '/holidays/0/days/1', code: 'invalid_date' },
      { path: '/holidays/0/days/2', code: 'invalid_date' },
    ])
  })

  it('rejects dates of another year but accepts the last week of the previous December', () => {
    const spillOver = withHoliday({ days: ['2022-12-31', '2023-01-01', '2023-01-02'] }, 2023)
    expect(errorsOf(spillOver)).toEqual([])
    const makeUpSpillOver = withHoliday(
      { days: ['2012-01-02'], makeUpWorkdays: ['2011-12-31'] },
      2012,
    )
    expect(errorsOf(makeUpSpillOver)).toEqual([])
    const outside = withHoliday({ days: ['2024-12-24', '2026-01-01'] })
    expect(errorsOf(outside)).toEqual([
      { path: '/holidays/0/days/0', code: 'date_outside_year' },
      { path: '/holidays/0/days/1', code: 'date_outside_year' },
    ])
  })

  it('requires make-up workdays to fall on a Saturday or Sunday', () => {
    const input = withHoliday({
      days: ['2025-10-01'],
      makeUpWorkdays: ['2025-09-28', '2025-09-29'],
    })
    expect(errorsOf(input)).toEqual([
      { path: '/holidays/0/makeUpWorkdays/1', code: 'make_up_not_weekend' },
    ])
  })

  it('rejects a date that is both a holiday and a make-up workday, even across holidays', () => {
    const input = minimal({
      holidays: [
        { name: '甲', nameEn: 'A', days: ['2025-09-28'], makeUpWorkdays: [] },
        { name: '乙', nameEn: 'B', days: ['2025-10-01'], makeUpWorkdays: ['2025-09-28'] },
      ],
    })
    expect(errorsOf(input)).toEqual([
      { path: '/holidays/1/makeUpWorkdays/0', code: 'holiday_and_make_up' },
    ])
  })

  it('rejects duplicated dates', () => {
    const input = withHoliday({ days: ['2025-10-01', '2025-10-01'] })
    expect(errorsOf(input)).toEqual([{ path: '/holidays/0/days/1', code: 'duplicate_date' }])
  })

  it('requires non-empty names, source and day lists', () => {
    const input = minimal({
      source: ' ',
      holidays: [{ name: '', nameEn: 7, days: [], makeUpWorkdays: [] }],
    })
    expect(errorsOf(input)).toEqual([
      { path: '/source', code: 'empty_string' },
      { path: '/holidays/0/name', code: 'empty_string' },
      { path: '/holidays/0/nameEn', code: 'expected_string' },
      { path: '/holidays/0/days', code: 'empty_list' },
    ])
  })

  it('reports structural problems and unknown properties', () => {
    expect(errorsOf(null)).toEqual([{ path: '', code: 'expected_object' }])
    expect(errorsOf(minimal({ holidays: {} }))).toEqual([
      { path: '/holidays', code: 'expected_array' },
    ])
    const typo = withHoliday({ days: ['2025-10-01'], makeUpWorkday: [] })
    expect(errorsOf(typo)).toEqual([
      { path: '/holidays/0/makeUpWorkday', code: 'unknown_property' },
    ])
  })

  it('gives every error a Chinese and an English message', () => {
    const result = validateCalendarYear(withHoliday({ days: ['2025-02-30'] }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors[0]?.message.zh).toContain('2025-02-30')
    expect(result.errors[0]?.message.en).toContain('2025-02-30')
  })
})
