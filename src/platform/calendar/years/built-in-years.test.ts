import { describe, expect, it } from 'vitest'
import { BUILT_IN_CALENDAR_YEARS } from './built-in-years.js'

const utcWeekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay()
const nextDate = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

const holidaysOf = (year: number) =>
  BUILT_IN_CALENDAR_YEARS.find((y) => y.year === year)?.holidays ?? []

describe('BUILT_IN_CALENDAR_YEARS', () => {
  it('ships 2025 and 2026 with their 国办发明电 document numbers', () => {
    expect(BUILT_IN_CALENDAR_YEARS.map((y) => [y.year, y.source])).toEqual([
      [2025, '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）'],
      [2026, '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）'],
    ])
  })

  it('puts every make-up workday on a Saturday or Sunday according to Date', () => {
    const makeUps = BUILT_IN_CALENDAR_YEARS.flatMap((y) =>
      y.holidays.flatMap((h) => h.makeUpWorkdays),
    )
    expect(makeUps).toHaveLength(11)
    for (const date of makeUps) expect([0, 6], date).toContain(utcWeekday(date))
  })

  it('lists each holiday as one run of consecutive days', () => {
    for (const holiday of BUILT_IN_CALENDAR_YEARS.flatMap((y) => y.holidays)) {
      holiday.days.slice(1).forEach((day, i) => expect(day).toBe(nextDate(holiday.days[i] ?? '')))
    }
  })

  it('matches the length of each break stated in the 2025 notice', () => {
    expect(holidaysOf(2025).map((h) => [h.name, h.days.length])).toEqual([
      ['元旦', 1],
      ['春节', 8],
      ['清明节', 3],
      ['劳动节', 5],
      ['端午节', 3],
      ['国庆节、中秋节', 8],
    ])
  })

  it('matches the length of each break stated in the 2026 notice', () => {
    expect(holidaysOf(2026).map((h) => [h.name, h.days.length])).toEqual([
      ['元旦', 3],
      ['春节', 9],
      ['清明节', 3],
      ['劳动节', 5],
      ['端午节', 3],
      ['中秋节', 3],
      ['国庆节', 7],
    ])
  })
})
