import { GroupedValues, type DurationStats } from '../discovery/duration-stats.js'

/** A summary of working-day counts; `unknown` spans touched a year the calendar has not loaded. */
export interface WorkingDayStats extends DurationStats {
  readonly unknown: number
}

/** One measure in calendar time (ms) and in Chinese working days. */
export interface TimeStats {
  readonly calendar: DurationStats | null
  readonly workingDays: WorkingDayStats | null
}

/**
 * Collects calendar and working-day values per group in two passes (count, then fill), so no
 * array per group is kept. Call `expect` for every value in pass one and `add` in pass two.
 */
export class GroupedTimes {
  readonly #calendar: GroupedValues
  readonly #working: GroupedValues
  readonly #unknown: Int32Array

  constructor(groups: number) {
    this.#calendar = new GroupedValues(groups)
    this.#working = new GroupedValues(groups)
    this.#unknown = new Int32Array(groups)
  }

  expect(group: number, ms: number, workingDays: number): void {
    if (Number.isNaN(ms)) return
    this.#calendar.expect(group)
    if (Number.isNaN(workingDays)) this.#unknown[group] = (this.#unknown[group] as number) + 1
    else this.#working.expect(group)
  }

  add(group: number, ms: number, workingDays: number): void {
    if (Number.isNaN(ms)) return
    this.#calendar.add(group, ms)
    if (!Number.isNaN(workingDays)) this.#working.add(group, workingDays)
  }

  stats(group: number): TimeStats {
    const working = this.#working.summary(group)
    const unknown = this.#unknown[group] as number
    return {
      calendar: this.#calendar.summary(group),
      workingDays: working === null && unknown === 0 ? null : { ...(working ?? empty), unknown },
    }
  }
}

const empty: DurationStats = { count: 0, total: 0, mean: NaN, median: NaN, min: NaN, max: NaN }
