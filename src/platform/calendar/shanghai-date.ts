import { formatEpochDay } from './iso-date.js'

const MS_PER_DAY = 86_400_000
// Asia/Shanghai is a fixed UTC+8: mainland China has observed no daylight saving since 1991.
// (Instants inside the 1986–1991 DST summers are therefore out of scope.)
const SHANGHAI_OFFSET_MS = 8 * 3_600_000

/** The Asia/Shanghai calendar date ('YYYY-MM-DD') on which the given instant falls. */
export function toShanghaiDate(instant: Date): string {
  const ms = instant.getTime()
  if (Number.isNaN(ms)) throw new RangeError('toShanghaiDate: invalid Date')
  return formatEpochDay(Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY))
}
