/**
 * Strict ISO 8601 date-times to epoch milliseconds, without Date.parse's leniency:
 * YYYY-MM-DD, then optionally T (or a space) HH:MM[:SS[.fraction]], then Z or ±HH:MM (±HHMM, ±HH).
 * A time without an offset is taken at `defaultOffsetMinutes` (Asia/Shanghai, +480, unless told).
 * '/' is accepted between the date's parts, as spreadsheets write it. Anything else gives NaN.
 */
export const SHANGHAI_OFFSET_MINUTES = 480

const MS_PER_MINUTE = 60_000
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function digits(text: string, at: number, count: number): number {
  let value = 0
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    value = value * 10 + d
  }
  return value
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function validDate(year: number, month: number, day: number): boolean {
  if (year < 0 || month < 1 || month > 12 || day < 1) return false
  const max = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number)
  return day <= max
}

/** Reads Z or ±HH[:MM] at `at` to the end; undefined when it is not an offset. */
function offsetAt(text: string, at: number): number | undefined {
  const rest = text.length - at
  const c = text.charCodeAt(at)
  if (c === 90 || c === 122) return rest === 1 ? 0 : undefined // Z z
  if (c !== 43 && c !== 45) return undefined // + -
  const sign = c === 43 ? 1 : -1
  const hours = digits(text, at + 1, 2)
  let minutes = 0
  if (rest === 6 && text.charCodeAt(at + 3) === 58) minutes = digits(text, at + 4, 2)
  else if (rest === 5) minutes = digits(text, at + 3, 2)
  else if (rest !== 3) return undefined
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return undefined
  return sign * (hours * 60 + minutes)
}

/** Epoch milliseconds of an ISO 8601 date-time, or NaN when it is not one. */
export function parseTimestamp(
  text: string,
  defaultOffsetMinutes = SHANGHAI_OFFSET_MINUTES,
): number {
  if (text.length < 10) return NaN
  const sep1 = text.charCodeAt(4)
  if ((sep1 !== 45 && sep1 !== 47) || text.charCodeAt(7) !== sep1) return NaN
  const year = digits(text, 0, 4)
  const month = digits(text, 5, 2)
  const day = digits(text, 8, 2)
  if (!validDate(year, month, day)) return NaN
  let epoch = Date.UTC(year, month - 1, day)
  if (year < 100) epoch = new Date(epoch).setUTCFullYear(year)
  if (text.length === 10) return epoch - defaultOffsetMinutes * MS_PER_MINUTE
  const t = text.charCodeAt(10)
  if (t !== 84 && t !== 116 && t !== 32) return NaN // T t space
  const hour = digits(text, 11, 2)
  const minute = text.charCodeAt(13) === 58 ? digits(text, 14, 2) : -1
  if (hour < 0 || hour > 24 || minute < 0 || minute > 59) return NaN
  let at = 16
  let second = 0
  let millis = 0
  if (text.charCodeAt(at) === 58) {
    second = digits(text, at + 1, 2)
    if (second < 0 || second > 60) return NaN
    at += 3
    if (text.charCodeAt(at) === 46 || text.charCodeAt(at) === 44) {
      const start = ++at
      let scale = 100
      for (let d = text.charCodeAt(at) - 48; d >= 0 && d <= 9; d = text.charCodeAt(++at) - 48) {
        millis += d * scale // digits past the millisecond are dropped
        scale /= 10
      }
      if (at === start) return NaN
      millis = Math.floor(millis)
    }
  }
  if (hour === 24 && (minute !== 0 || second !== 0 || millis !== 0)) return NaN
  const offset = at === text.length ? defaultOffsetMinutes : offsetAt(text, at)
  if (offset === undefined) return NaN
  const clock = ((hour * 60 + minute - offset) * 60 + second) * 1000 + millis
  return epoch + clock
}

/** ISO 8601 in UTC with milliseconds, as XES writes dates. */
export function formatTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString()
}
