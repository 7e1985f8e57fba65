import { createColumnProfiler, type ColumnProfiler, type ColumnState } from './column-profiler.js'
import type { DatasetProfile, ProfileOptions, ResolvedProfileOptions } from './profile.types.js'

/** One row as read from a source: column name → text, null when absent. */
export type ProfileRow = Readonly<Record<string, string | null | undefined>>

export interface Profiler {
  add(row: ProfileRow): void
  /** The profile of the rows added so far; adding may continue afterwards. */
  snapshot(): DatasetProfile
  /** The profiler as plain data, e.g. to send from a worker thread. */
  state(): ProfilerState
  /**
   * Adds the profile of other rows (same options), as if they had been added here: counts,
   * distinct counts and number statistics exactly; top values and patterns as mergeable
   * summaries (their undercount bound grows by what merging drops).
   */
  merge(state: ProfilerState): void
}

/** A profiler as plain data. */
export interface ProfilerState {
  rowCount: number
  columns: [string, ColumnState][]
  ignored: string[]
}

export function resolveProfileOptions(options: ProfileOptions = {}): ResolvedProfileOptions {
  const topK = options.topK ?? 10
  const resolved = {
    topK,
    summaryCapacity: options.summaryCapacity ?? Math.max(10 * topK, 100),
    exactDistinctLimit: options.exactDistinctLimit ?? 10_000,
    hllPrecision: options.hllPrecision ?? 14,
    typeThreshold: options.typeThreshold ?? 0.95,
    maxPatternLength: options.maxPatternLength ?? 40,
    maxColumns: options.maxColumns ?? 1000,
  }
  if (resolved.summaryCapacity < topK) {
    throw new RangeError(`summaryCapacity (${resolved.summaryCapacity}) is below topK (${topK})`)
  }
  return resolved
}

/** A streaming profiler: memory depends on the column count and options, not on the rows. */
export function createProfiler(options?: ProfileOptions): Profiler {
  const resolved = resolveProfileOptions(options)
  const columns = new Map<string, ColumnProfiler>()
  const ignored = new Set<string>()
  let rowCount = 0
  const columnFor = (name: string): ColumnProfiler | undefined => {
    const existing = columns.get(name)
    if (existing || ignored.has(name)) return existing
    if (columns.size >= resolved.maxColumns) {
      ignored.add(name)
      return undefined
    }
    const created = createColumnProfiler(name, resolved)
    columns.set(name, created)
    return created
  }
  return {
    add(row) {
      rowCount++
      for (const [name, value] of Object.entries(row)) columnFor(name)?.add(value)
    },
    state: () => ({
      rowCount,
      columns: [...columns].map(([name, column]) => [name, column.state()]),
      ignored: [...ignored],
    }),
    merge(other) {
      rowCount += other.rowCount
      for (const [name, state] of other.columns) columnFor(name)?.merge(state)
      for (const name of other.ignored) if (!columns.has(name)) ignored.add(name)
    },
    snapshot: () => ({
      rowCount,
      columns: [...columns.values()].map((column) => column.snapshot(rowCount)),
      ignoredColumns: [...ignored],
    }),
  }
}

/** Profiles every row of an iterable. */
export function profileRows(rows: Iterable<ProfileRow>, options?: ProfileOptions): DatasetProfile {
  const profiler = createProfiler(options)
  for (const row of rows) profiler.add(row)
  return profiler.snapshot()
}

/** Profiles a stream of rows (a CSV parser, a database cursor) without holding it. */
export async function profileRowStream(
  rows: AsyncIterable<ProfileRow>,
  options?: ProfileOptions,
): Promise<DatasetProfile> {
  const profiler = createProfiler(options)
  for await (const row of rows) profiler.add(row)
  return profiler.snapshot()
}
