import type { WorkingCalendar } from '../../../platform/calendar/index.js'

const MS_PER_DAY = 86_400_000
const SHANGHAI_OFFSET_MS = 8 * 3_600_000

/** The Asia/Shanghai calendar day (days since 1970-01-01) of an instant. */
export function shanghaiDay(epochMs: number): number {
  return Math.floor((epochMs + SHANGHAI_OFFSET_MS) / MS_PER_DAY)
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

function isoOfDay(day: number): string {
  const date = new Date(day * MS_PER_DAY)
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`
}

/**
 * Working days between two instants by the platform calendar, counted as the calendar counts
 * (the days in (from, to], Asia/Shanghai dates), from a table built once over the loaded years,
 * so each question is two look-ups. A span touching a year that is not loaded is unknown (NaN),
 * never a weekday guess.
 */
export class WorkingDayCounter {
  readonly #firstDay: number
  /** ordinal[i]: working days among days firstDay … firstDay + i - 1. */
  readonly #ordinal: Int32Array
  /** unknown[i]: days not loaded among the same. */
  readonly #unknown: Int32Array

  constructor(calendar: WorkingCalendar) {
    const years = calendar.loadedYears()
    const first = years[0] ?? 1970
    const last = years[years.length - 1] ?? 1969
    this.#firstDay = Math.round(Date.UTC(first, 0, 1) / MS_PER_DAY)
    const days = Math.max(0, Math.round(Date.UTC(last + 1, 0, 1) / MS_PER_DAY) - this.#firstDay)
    this.#ordinal = new Int32Array(days + 1)
    this.#unknown = new Int32Array(days + 1)
    for (let i = 0; i < days; i++) {
      const answer = calendar.isWorkingDay(isoOfDay(this.#firstDay + i))
      const working = answer.known && answer.value ? 1 : 0
      this.#ordinal[i + 1] = (this.#ordinal[i] as number) + working
      this.#unknown[i + 1] = (this.#unknown[i] as number) + (answer.known ? 0 : 1)
    }
  }

  /** Working days in (day(from), day(to)]; NaN when unknown or either time is missing. */
  between(fromMs: number, toMs: number): number {
    if (Number.isNaN(fromMs) || Number.isNaN(toMs)) return NaN
    const a = shanghaiDay(fromMs) - this.#firstDay
    const b = shanghaiDay(toMs) - this.#firstDay
    const lo = Math.min(a, b)
    const hi = Math.max(a, b)
    // Day `lo` itself is not counted, so it may be the day before the first loaded one.
    if (lo < -1 || hi >= this.#ordinal.length - 1) return NaN
    if ((this.#unknown[hi + 1] as number) - (this.#unknown[lo + 1] as number) > 0) return NaN
    const count = (this.#ordinal[hi + 1] as number) - (this.#ordinal[lo + 1] as number)
    return a <= b ? count : -count
  }
}
