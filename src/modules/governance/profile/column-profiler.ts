import { createDistinctCounter } from './distinct-counter.js'
import { createHeavyHitters, type HeavyHitters } from './heavy-hitters.js'
import type {
  ColumnProfile,
  DateRange,
  ResolvedProfileOptions,
  TopSummary,
} from './profile.types.js'
import { createRunningStats } from './running-stats.js'
import { classifyValue, inferColumnType, type KindCounts } from './value-kind.js'
import { valuePattern } from './value-pattern.js'

export interface ColumnProfiler {
  add(value: string | null | undefined): void
  /** The profile so far; `rowCount` rows were seen in all, some perhaps without this column. */
  snapshot(rowCount: number): ColumnProfile
}

export function createColumnProfiler(
  name: string,
  options: ResolvedProfileOptions,
): ColumnProfiler {
  let seen = 0
  let nulls = 0
  let empties = 0
  const kinds: KindCounts = { integer: 0, decimal: 0, date: 0, text: 0 }
  const distinct = createDistinctCounter(options.exactDistinctLimit, options.hllPrecision)
  const values = createHeavyHitters(options.summaryCapacity)
  const patterns = createHeavyHitters(options.summaryCapacity)
  const numbers = createRunningStats()
  const dates = createDateRange()

  const addValue = (value: string): void => {
    distinct.add(value)
    values.add(value)
    patterns.add(valuePattern(value, options.maxPatternLength))
    const kind = classifyValue(value)
    kinds[kind]++
    if (kind === 'integer' || kind === 'decimal') numbers.add(Number(value))
    else if (kind === 'date') dates.add(value)
  }

  return {
    add(value) {
      seen++
      if (value === null || value === undefined) nulls++
      else if (value.trim() === '') empties++
      else addValue(value)
    },
    snapshot(rowCount) {
      const count = Math.max(rowCount, seen)
      const nullCount = nulls + (count - seen)
      return {
        name,
        count,
        nullCount,
        emptyCount: empties,
        nullRate: rate(nullCount, count),
        emptyRate: rate(empties, count),
        distinct: distinct.result(),
        type: inferColumnType(kinds, options.typeThreshold),
        kinds: { ...kinds },
        topValues: topSummary(values, options.topK),
        topPatterns: topSummary(patterns, options.topK),
        numbers: numbers.summary(),
        dates: dates.range(),
      }
    },
  }
}

const topSummary = (hitters: HeavyHitters, k: number): TopSummary => ({
  entries: hitters.top(k),
  maxUndercount: hitters.maxUndercount(),
})

const rate = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole)

// ISO dates order as strings, so no parsing is needed for min and max.
function createDateRange() {
  let range: DateRange | null = null
  return {
    add(date: string) {
      if (range === null) range = { count: 1, min: date, max: date }
      else {
        range.count++
        if (date < range.min) range.min = date
        if (date > range.max) range.max = date
      }
    },
    range: (): DateRange | null => (range === null ? null : { ...range }),
  }
}
