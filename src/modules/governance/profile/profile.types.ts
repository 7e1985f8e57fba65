import type { ValueCount } from './heavy-hitters.js'
import type { NumberSummary } from './running-stats.js'
import type { ColumnType, KindCounts } from './value-kind.js'

export interface ProfileOptions {
  /** How many top values and top patterns to report (default 10). */
  topK?: number
  /** Counters kept per summary (default max(10 × topK, 100)); more means fewer undercounts. */
  summaryCapacity?: number
  /** Distinct values counted exactly up to this many, estimated beyond (default 10 000). */
  exactDistinctLimit?: number
  /** HyperLogLog precision p, 2^p one-byte registers (default 14: 16 KiB, ≈ 0.8 % error). */
  hllPrecision?: number
  /** Share of non-empty values that must agree for a column type (default 0.95). */
  typeThreshold?: number
  /** Patterns are cut after this many characters (default 40). */
  maxPatternLength?: number
  /** Columns beyond this many are not profiled, only named in `ignoredColumns` (default 1000). */
  maxColumns?: number
}

export type ResolvedProfileOptions = Required<ProfileOptions>

export interface DistinctCount {
  count: number
  /** False once the exact limit was passed and the count is a HyperLogLog estimate. */
  exact: boolean
  /** Relative standard error of an estimate (0 when exact). */
  standardError: number
}

export interface TopSummary {
  entries: ValueCount[]
  /** The most any count may fall short of the truth; 0 means every count is exact. */
  maxUndercount: number
}

export interface DateRange {
  count: number
  min: string
  max: string
}

export interface ColumnProfile {
  name: string
  /** Rows seen; a row without the column counts as null for it. */
  count: number
  nullCount: number
  /** Empty or whitespace-only strings. */
  emptyCount: number
  nullRate: number
  emptyRate: number
  distinct: DistinctCount
  type: ColumnType
  kinds: KindCounts
  topValues: TopSummary
  topPatterns: TopSummary
  /** Over the values that read as integers or decimals, whatever the column type. */
  numbers: NumberSummary | null
  /** Over the values that read as YYYY-MM-DD dates, whatever the column type. */
  dates: DateRange | null
}

export interface DatasetProfile {
  rowCount: number
  columns: ColumnProfile[]
  ignoredColumns: string[]
}
