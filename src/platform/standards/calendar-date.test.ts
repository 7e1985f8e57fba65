import { describe, expect, it } from 'vitest'
import { chinaDate, parseCompactDate } from './calendar-date.js'

describe('parseCompactDate', () => {
  it('formats real dates as ISO', () => {
    expect(parseCompactDate('19491231')).toBe('1949-12-31')
    expect(parseCompactDate('20240229')).toBe('2024-02-29')
    expect(parseCompactDate('20000229')).toBe('2000-02-29')
  })

  it('rejects impossible dates', () => {
    for (const compact of ['20230230', '20230229', '19000229', '20231301', '20230100', '2023011']) {
      expect(parseCompactDate(compact)).toBeUndefined()
    }
  })

  it('refuses years before 100 and anything but 8 ASCII digits', () => {
    for (const compact of ['00500101', '00991231', '2023-1-1', '２０２３０１０１', '2023010１']) {
      expect(parseCompactDate(compact)).toBeUndefined()
    }
    expect(parseCompactDate('01000101')).toBe('0100-01-01')
  })

  it('agrees with a Date round trip on every day of four years and their neighbours', () => {
    const viaDate = (y: number, m: number, d: number): boolean => {
      const date = new Date(Date.UTC(y, m - 1, d))
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    }
    for (const y of [1900, 1999, 2000, 2024]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const compact = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`
          expect(parseCompactDate(compact) !== undefined).toBe(viaDate(y, m, d))
        }
      }
    }
  })
})

describe('chinaDate', () => {
  it('uses UTC+8 regardless of the server time zone', () => {
    expect(chinaDate(new Date('2024-05-31T15:59:59Z'))).toBe('2024-05-31')
    expect(chinaDate(new Date('2024-05-31T16:00:00Z'))).toBe('2024-06-01')
  })
})
