// Pure proleptic-Gregorian date arithmetic on 'YYYY-MM-DD' strings and epoch-day numbers
// (days since 1970-01-01). No Date objects, no time zones: integer arithmetic only.

export type CivilDate = { readonly year: number; readonly month: number; readonly day: number }

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29
  return MONTH_LENGTHS[month - 1] ?? 0
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365
}

/** Parses a strict 'YYYY-MM-DD' string; undefined for bad format or a non-existent date. */
export function parseIsoDate(value: string): CivilDate | undefined {
  const match = ISO_DATE.exec(value)
  if (match === null) return undefined
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  return { year, month, day }
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== undefined
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function toEpochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** Inverse of toEpochDay (H. Hinnant's civil_from_days). */
export function fromEpochDay(epochDay: number): CivilDate {
  const z = epochDay + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  )
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

export function yearOfEpochDay(epochDay: number): number {
  return fromEpochDay(epochDay).year
}

export function formatEpochDay(epochDay: number): string {
  const { year, month, day } = fromEpochDay(epochDay)
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7
}

export function isWeekend(epochDay: number): boolean {
  const weekday = weekdayOf(epochDay)
  return weekday === 0 || weekday === 6
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}
