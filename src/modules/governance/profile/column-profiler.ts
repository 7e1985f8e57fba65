import { createDistinctCounter, type DistinctState } from './distinct-counter.js'
import { createHeavyHitters, type HeavyHitters, type HeavyHittersState } from './heavy-hitters.js'
import type {
  ColumnProfile,
  DateRange,
  ResolvedProfileOptions,
  TopSummary,
} from './profile.types.js'
import { createRunningStats, type StatsState } from './running-stats.js'
import { classifyValue, inferColumnType, type KindCounts } from './value-kind.js'
import { valuePattern } from './value-pattern.js'

export interface ColumnProfiler {
  add(value: string | null | undefined): void
  /** The profile so far; `rowCount` rows were seen in all, some perhaps without this column. */
  snapshot(rowCount: number): ColumnProfile
  state(): ColumnState
  /** Adds the profile of other rows of the column (same options). */
  merge(state: ColumnState): void
}

/** A column profiler as plain data (structured-cloneable), to merge elsewhere. */
export interface ColumnState {
  seen: number
  nulls: number
  empties: number
  kinds: KindCounts
  distinct: DistinctState
  values: HeavyHittersState
  patterns: HeavyHittersState
  numbers: StatsState
  dates: DateRange | null
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
    state: () => ({
      seen,
      nulls,
      empties,
      kinds: { ...kinds },
      distinct: distinct.state(),
      values: values.state(),
      patterns: patterns.state(),
      numbers: numbers.state(),
      dates: dates.range(),
    }),
    merge(other) {
      seen += other.seen
      nulls += other.nulls
      empties += other.empties
      for (const kind of Object.keys(kinds) as (keyof KindCounts)[])
        kinds[kind] += other.kinds[kind]
      distinct.merge(other.distinct)
      values.merge(other.values)
      patterns.merge(other.patterns)
      numbers.merge(other.numbers)
      dates.merge(other.dates)
    },
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
    merge(other: DateRange | null) {
      if (other === null) return
      if (range === null) range = { ...other }
      else {
        range.count += other.count
        if (other.min < range.min) range.min = other.min
        if (other.max > range.max) range.max = other.max
      }
    },
  }
}
