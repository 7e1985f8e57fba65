import { FeelDate, parseDate } from 'feelin'
import { describe, expect, it } from 'vitest'
import { dateDay, feelDateOf, isoDay } from './iso-date.js'
import { comparable } from './temporal.js'

/** Day number as Temporal computes it, or null where feelin's date() rejects the text. */
function temporalDay(text: string): number | null {
  const date = parseDate(text)
  return date === null ? null : date.value.toZonedDateTime('UTC').epochMilliseconds / 86_400_000
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

describe('day numbers of ISO dates', () => {
  it('agree with Temporal for every day (and every impossible day) of 1899–2101', () => {
    const wrong: string[] = []
    for (let year = 1899; year <= 2101; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
          const got = isoDay(text)
          if ((Number.isNaN(got) ? null : got) !== temporalDay(text)) wrong.push(text)
        }
      }
    }
    expect(wrong).toEqual([])
  })

  it.each([
    ['0000-01-01'],
    ['0000-02-29'],
    ['0001-03-01'],
    ['1582-10-10'],
    ['1600-02-29'],
    ['1700-02-28'],
    ['1969-12-31'],
    ['1970-01-01'],
    ['2000-02-29'],
    ['2024-12-31'],
    ['2025-01-01'],
    ['9999-12-31'],
  ])('%s', (text) => {
    expect(isoDay(text)).toBe(temporalDay(text))
  })

  it.each([
    ['2023-02-29'],
    ['1900-02-29'],
    ['2024-04-31'],
    ['2024-13-01'],
    ['2024-00-10'],
    ['2024-01-00'],
    ['2024-1-01'],
    ['20240101'],
    ['2024-01-01T00:00:00'],
    ['+2024-01-01'],
    [' 2024-01-01'],
    ['2024/01/01'],
    ['２０２４-01-01'],
  ])('rejects %s', (text) => {
    expect(isoDay(text)).toBeNaN()
  })

  it('orders dates across month and year boundaries by day number', () => {
    const days = [
      '2023-12-31',
      '2024-01-01',
      '2024-01-31',
      '2024-02-01',
      '2024-02-29',
      '2024-03-01',
    ]
    const numbers = days.map(isoDay)
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
    expect(numbers.slice(1).map((n, i) => n - (numbers[i] as number))).toEqual([1, 30, 1, 28, 1])
  })

  it('reads FEEL dates by their ISO text, Temporal beyond year 9999', () => {
    const date = parseDate('2024-03-15') as FeelDate
    expect(dateDay(date)).toBe(temporalDay('2024-03-15'))
    expect(comparable(date)).toBe(date.value.toZonedDateTime('UTC').epochMilliseconds)
    const far = new FeelDate(date.value.with({ year: 12_345 }))
    expect(far.iso).toBe('+012345-03-15')
    expect(dateDay(far)).toBe(far.value.toZonedDateTime('UTC').epochMilliseconds / 86_400_000)
  })
})

describe('feelDateOf', () => {
  it('gives the FEEL date of a YYYY-MM-DD string, the same instance each time', () => {
    const first = feelDateOf('2024-02-29')
    expect(first).toBeInstanceOf(FeelDate)
    expect(first?.iso).toBe('2024-02-29')
    expect(feelDateOf('2024-02-29')).toBe(first)
  })

  it('gives null for impossible dates, other forms and non-strings', () => {
    expect(feelDateOf('2023-02-29')).toBeNull()
    expect(feelDateOf('2024-03-15T10:00:00')).toBeNull()
    expect(feelDateOf(20240315)).toBeNull()
    expect(feelDateOf(null)).toBeNull()
  })
})
