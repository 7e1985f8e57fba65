import { describe, expect, it } from 'vitest'
import { parseTimestamp } from './timestamp.js'

describe('parseTimestamp', () => {
  it('reads XES date-times with offsets, Z and fractions', () => {
    expect(parseTimestamp('2011-10-11T13:42:22.688+02:00')).toBe(
      Date.parse('2011-10-11T11:42:22.688Z'),
    )
    expect(parseTimestamp('2006-07-24T00:00:00+02:00')).toBe(Date.parse('2006-07-23T22:00:00Z'))
    expect(parseTimestamp('2024-02-29T23:59:59.1234567Z')).toBe(
      Date.parse('2024-02-29T23:59:59.123Z'),
    )
    expect(parseTimestamp('2024-01-05T10:00:00-0530')).toBe(Date.parse('2024-01-05T15:30:00Z'))
  })

  it('takes a time without offset, or a date alone, in Asia/Shanghai unless told otherwise', () => {
    expect(parseTimestamp('2025-10-01 08:00')).toBe(Date.parse('2025-10-01T00:00:00Z'))
    expect(parseTimestamp('2025/10/01')).toBe(Date.parse('2025-09-30T16:00:00Z'))
    expect(parseTimestamp('2025-10-01T08:00:00', 0)).toBe(Date.parse('2025-10-01T08:00:00Z'))
  })

  it('refuses what is not a date-time instead of guessing', () => {
    for (const bad of [
      '',
      '2025',
      'yesterday',
      '2025-02-29',
      '2025-13-01',
      '2025-10-01T25:00',
      '2025-10-01T10:00+2',
      '01/10/2025',
      '2025-10-01T10:00:00 UTC',
    ]) {
      expect(parseTimestamp(bad), bad).toBeNaN()
    }
  })
})
