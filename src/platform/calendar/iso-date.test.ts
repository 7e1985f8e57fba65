import { describe, expect, it } from 'vitest'
import { formatEpochDay, fromEpochDay, isIsoDate, toEpochDay, weekdayOf } from './iso-date.js'
import { toShanghaiDate } from './shanghai-date.js'

describe('iso-date', () => {
  it('agrees with Date.UTC for every day from 1948 to 2201', () => {
    const first = Date.UTC(1948, 0, 1) / 86_400_000
    const last = Date.UTC(2201, 11, 31) / 86_400_000
    for (let day = first; day <= last; day++) {
      const expected = new Date(day * 86_400_000)
      const iso = expected.toISOString().slice(0, 10)
      const civil = fromEpochDay(day)
      if (formatEpochDay(day) !== iso) expect(formatEpochDay(day)).toBe(iso)
      if (toEpochDay(civil.year, civil.month, civil.day) !== day) expect(civil).toBe(day)
      if (weekdayOf(day) !== expected.getUTCDay()) expect(weekdayOf(day)).toBe(iso)
    }
  })

  it('accepts only strict, existing YYYY-MM-DD dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2025-02-29')).toBe(false)
    expect(isIsoDate('2025-13-01')).toBe(false)
    expect(isIsoDate('2025-1-01')).toBe(false)
    expect(isIsoDate('2025-01-01T00:00:00Z')).toBe(false)
    expect(isIsoDate('2025-04-31')).toBe(false)
  })
})

describe('toShanghaiDate', () => {
  it('moves to the next date at 16:00 UTC, which is midnight in Shanghai', () => {
    expect(toShanghaiDate(new Date('2025-12-31T15:59:59.999Z'))).toBe('2025-12-31')
    expect(toShanghaiDate(new Date('2025-12-31T16:00:00.000Z'))).toBe('2026-01-01')
  })

  it('ignores the host time zone and applies no daylight saving', () => {
    expect(toShanghaiDate(new Date('2026-07-01T00:30:00-04:00'))).toBe('2026-07-01')
    expect(toShanghaiDate(new Date('2026-03-29T17:00:00+01:00'))).toBe('2026-03-30')
  })

  it('throws RangeError for an invalid Date', () => {
    expect(() => toShanghaiDate(new Date('nope'))).toThrow(RangeError)
  })
})
