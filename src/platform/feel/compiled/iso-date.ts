import { parseDate } from 'feelin'
import type { FeelDate } from 'feelin'

const DAY_MS = 86_400_000
const CACHE_LIMIT = 50_000
const dates = new Map<string, FeelDate>()

/**
 * Days since 1970-01-01 of a calendar date written YYYY-MM-DD (years 0000–9999, proleptic
 * Gregorian as Temporal's ISO calendar), or NaN for any other text or an impossible date.
 */
export function isoDay(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN
  const year = digits(text, 0, 4)
  const month = digits(text, 5, 7)
  const day = digits(text, 8, 10)
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN
  return daysFromCivil(year, month, day)
}

/** The day number of a FEEL date (its canonical ISO text read directly). */
export function dateDay(date: FeelDate): number {
  const day = isoDay(date.iso)
  if (!Number.isNaN(day)) return day
  return date.value.toZonedDateTime('UTC').epochMilliseconds / DAY_MS
}

/**
 * The FEEL date of a YYYY-MM-DD string, null for any other value. Memoised: one instance per
 * text, so converting an enterprise's dates costs a map lookup once the text has been seen.
 */
export function feelDateOf(iso: unknown): FeelDate | null {
  if (typeof iso !== 'string') return null
  const hit = dates.get(iso)
  if (hit !== undefined) return hit
  if (Number.isNaN(isoDay(iso))) return null
  const date = parseDate(iso)
  if (date === null) return null
  if (dates.size >= CACHE_LIMIT) dates.clear()
  dates.set(iso, date)
  return date
}

/** `FeelDate` or, for a YYYY-MM-DD string, its FEEL date; anything else unchanged. */
export function asIsoDate(value: unknown): unknown {
  return typeof value === 'string' ? (feelDateOf(value) ?? value) : value
}

function digits(text: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48
    if (d < 0 || d > 9) return NaN
    n = n * 10 + d
  }
  return n
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
}

/** Howard Hinnant's days_from_civil. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}
