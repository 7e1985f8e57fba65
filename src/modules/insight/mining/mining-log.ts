import type { Variant } from '../log/variants.js'

/**
 * A (sub)log as the miner sees it: distinct traces of activity ids, each with the number of cases
 * that follow it. Splitting works on these, so a log of 150,000 cases and 200 variants costs
 * 200 traces per step.
 */
export interface MiningLog {
  readonly traces: readonly Int32Array[]
  readonly counts: readonly number[]
}

/** Collects traces, merging equal ones and adding up their counts. */
export class LogBuilder {
  private readonly index = new Map<string, number>()
  private readonly traces: Int32Array[] = []
  private readonly counts: number[] = []

  add(trace: Int32Array, count: number): void {
    const key = trace.join(',')
    const at = this.index.get(key)
    if (at === undefined) {
      this.index.set(key, this.traces.length)
      this.traces.push(trace)
      this.counts.push(count)
    } else {
      this.counts[at] = (this.counts[at] as number) + count
    }
  }

  build(): MiningLog {
    return { traces: this.traces, counts: this.counts }
  }
}

/** Activity names become ids 0…n-1 in the order first seen. */
export function internVariants(variants: readonly Variant[]): { names: string[]; log: MiningLog } {
  const ids = new Map<string, number>()
  const names: string[] = []
  const builder = new LogBuilder()
  for (const variant of variants) {
    if (variant.count <= 0) continue
    const trace = new Int32Array(variant.activities.length)
    variant.activities.forEach((name, i) => {
      let id = ids.get(name)
      if (id === undefined) {
        id = names.length
        ids.set(name, id)
        names.push(name)
      }
      trace[i] = id
    })
    builder.add(trace, variant.count)
  }
  return { names, log: builder.build() }
}

export function traceCount(log: MiningLog): number {
  return log.counts.reduce((sum, n) => sum + n, 0)
}

/** The log with each trace filtered by `keep` (traces may become empty). */
export function projectLog(log: MiningLog, keep: (activity: number) => boolean): MiningLog {
  const builder = new LogBuilder()
  log.traces.forEach((trace, i) => builder.add(trace.filter(keep), log.counts[i] as number))
  return builder.build()
}

/** Directly-follows graph of a log, with start and end activities, all weighted by cases. */
export interface Dfg {
  /** The activities occurring in the log, ascending by id. */
  readonly activities: readonly number[]
  readonly edges: ReadonlyMap<number, ReadonlyMap<number, number>>
  readonly start: ReadonlyMap<number, number>
  readonly end: ReadonlyMap<number, number>
}

export function dfgOf(log: MiningLog): Dfg {
  const seen = new Set<number>()
  const edges = new Map<number, Map<number, number>>()
  const start = new Map<number, number>()
  const end = new Map<number, number>()
  log.traces.forEach((trace, t) => {
    const n = log.counts[t] as number
    if (trace.length === 0) return
    bump(start, trace[0] as number, n)
    bump(end, trace[trace.length - 1] as number, n)
    for (let i = 0; i < trace.length; i++) {
      const a = trace[i] as number
      seen.add(a)
      if (i + 1 < trace.length) {
        let out = edges.get(a)
        if (!out) edges.set(a, (out = new Map<number, number>()))
        bump(out, trace[i + 1] as number, n)
      }
    }
  })
  return { activities: [...seen].sort((a, b) => a - b), edges, start, end }
}

export function hasEdge(dfg: Dfg, from: number, to: number): boolean {
  return dfg.edges.get(from)?.has(to) ?? false
}

/**
 * IMf's filter: an edge a→b is dropped when rarer than `threshold` × a's most frequent outgoing
 * edge; start and end activities likewise against the most frequent start (end) activity.
 */
export function filterDfg(dfg: Dfg, threshold: number): Dfg {
  const edges = new Map<number, Map<number, number>>()
  for (const [from, out] of dfg.edges) {
    const strongest = Math.max(...out.values())
    const kept = new Map([...out].filter(([, n]) => n >= threshold * strongest))
    if (kept.size > 0) edges.set(from, kept)
  }
  return {
    activities: dfg.activities,
    edges,
    start: filterCounts(dfg.start, threshold),
    end: filterCounts(dfg.end, threshold),
  }
}

function filterCounts(counts: ReadonlyMap<number, number>, threshold: number): Map<number, number> {
  const strongest = Math.max(0, ...counts.values())
  return new Map([...counts].filter(([, n]) => n >= threshold * strongest))
}

function bump(map: Map<number, number>, key: number, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by)
}
