const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000

/**
 * Parses 'YYYYMMDD' into ISO 'YYYY-MM-DD' when it names a real Gregorian date (so 20230230 and
 * 20230229 are rejected, 20240229 accepted); undefined otherwise.
 */
export const parseCompactDate = (yyyymmdd: string): string | undefined => {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd)
  if (!match) return undefined
  const [, y = '', m = '', d = ''] = match
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
  const roundTrips =
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d)
  return roundTrips ? `${y}-${m}-${d}` : undefined
}

/**
 * The calendar date in China Standard Time (UTC+8, no DST) at the given instant, as
 * 'YYYY-MM-DD', so "today" does not depend on the server's time zone.
 */
export const chinaDate = (instant: Date): string =>
  new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10)
