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
})

describe('chinaDate', () => {
  it('uses UTC+8 regardless of the server time zone', () => {
    expect(chinaDate(new Date('2024-05-31T15:59:59Z'))).toBe('2024-05-31')
    expect(chinaDate(new Date('2024-05-31T16:00:00Z'))).toBe('2024-06-01')
  })
})
