import { createColumnProfiler, type ColumnProfiler } from './column-profiler.js'
import type { DatasetProfile, ProfileOptions, ResolvedProfileOptions } from './profile.types.js'

/** One row as read from a source: column name → text, null when absent. */
export type ProfileRow = Readonly<Record<string, string | null | undefined>>

export interface Profiler {
  add(row: ProfileRow): void
  /** The profile of the rows added so far; adding may continue afterwards. */
  snapshot(): DatasetProfile
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
