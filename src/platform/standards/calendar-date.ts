const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

/**
 * The digits of `text` from `start` to `end` as a number, or -1 when one is not an ASCII digit.
 * Read by char code, so checking a date allocates nothing.
 */
export const digitsAt = (text: string, start: number, end: number): number => {
  let n = 0
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    n = n * 10 + d
  }
  return n
}

/**
 * True when year, month and day name a real Gregorian date. Years before 100 are refused, as
 * `Date.UTC` reads them as 1900–1999 and these validators have always refused them.
 */
export const isRealDate = (y: number, m: number, d: number): boolean => {
  if (y < 100 || m < 1 || m > 12 || d < 1) return false
  const days = m === 2 && isLeapYear(y) ? 29 : (DAYS_IN_MONTH[m - 1] as number)
  return d <= days
}

/**
 * Parses 'YYYYMMDD' into ISO 'YYYY-MM-DD' when it names a real Gregorian date (so 20230230 and
 * 20230229 are rejected, 20240229 accepted); undefined otherwise.
 */
export const parseCompactDate = (yyyymmdd: string): string | undefined => {
  if (yyyymmdd.length !== 8) return undefined
  const y = digitsAt(yyyymmdd, 0, 4)
  const m = digitsAt(yyyymmdd, 4, 6)
  const d = digitsAt(yyyymmdd, 6, 8)
  if (!isRealDate(y, m, d)) return undefined
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`
}

/**
 * 'YYYY-MM-DD' (GB/T 7408 extended) or 'YYYYMMDD' (basic) naming a real Gregorian date →
 * 'YYYY-MM-DD'; undefined otherwise. Mixed forms such as '1990-0307' are refused.
 */
export const parseCalendarDate = (value: string): string | undefined => {
  if (value.length === 8) return parseCompactDate(value)
  if (value.length !== 10 || value.charCodeAt(4) !== HYPHEN || value.charCodeAt(7) !== HYPHEN) {
    return undefined
  }
  const real = isRealDate(digitsAt(value, 0, 4), digitsAt(value, 5, 7), digitsAt(value, 8, 10))
  return real ? value : undefined
}

const HYPHEN = 45

/**
 * The calendar date in China Standard Time (UTC+8, no DST) at the given instant, as
 * 'YYYY-MM-DD', so "today" does not depend on the server's time zone.
 */
export const chinaDate = (instant: Date): string =>
  new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10)
