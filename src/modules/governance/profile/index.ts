/** Streaming column profiling: counts, null rates, distinct counts, top values, patterns, types. */

// createProfiler(options?) → { add(row), snapshot() }: bounded memory whatever the row count.
export { createProfiler } from './profiler.js'
// profileRows(rows, options?) → DatasetProfile for an in-memory iterable of rows.
export { profileRows } from './profiler.js'
// profileRowStream(asyncRows, options?) → Promise<DatasetProfile> for a CSV parser or a cursor.
export { profileRowStream } from './profiler.js'
export type { Profiler, ProfileRow, ProfilerState } from './profiler.js'
export type {
  ColumnProfile,
  DatasetProfile,
  DateRange,
  DistinctCount,
  ProfileOptions,
  TopSummary,
} from './profile.types.js'

// createHyperLogLog(precision = 14) → sketch of 64-bit hashes; estimate() ± 1.04/√2^p.
export { createHyperLogLog } from './hyperloglog.js'
export type { HyperLogLog } from './hyperloglog.js'
// hash64(text) → { hi, lo }: a well-mixed 64-bit hash, the input a HyperLogLog takes.
export { hash64 } from './hash64.js'
export type { Hash64 } from './hash64.js'
// createHeavyHitters(capacity) → Misra–Gries top-k summary with a known undercount bound.
export { createHeavyHitters } from './heavy-hitters.js'
export type { HeavyHitters, ValueCount } from './heavy-hitters.js'
// valuePattern(text, maxLength = 40) → its shape: 9 digit, A/a Latin letter, 汉 Han, rest kept.
export { valuePattern } from './value-pattern.js'
// classifyValue(text) → 'integer' | 'decimal' | 'date' (YYYY-MM-DD) | 'text'.
export { classifyValue } from './value-kind.js'
export type { ColumnType, KindCounts, ValueKind } from './value-kind.js'
export type { NumberSummary } from './running-stats.js'
