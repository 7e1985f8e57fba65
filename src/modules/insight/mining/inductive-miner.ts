import type { Variant } from '../log/variants.js'
import { findCut, type Cut } from './cuts.js'
import { fallThrough } from './fall-throughs.js'
import {
  dfgOf,
  filterDfg,
  internVariants,
  traceCount,
  type Dfg,
  type MiningLog,
} from './mining-log.js'
import { activity, loop, parallel, sequence, TAU, xor, type ProcessTree } from './process-tree.js'
import { splitLog } from './splits.js'

export interface MinerOptions {
  /** IMf's noise threshold, 0…1: 0 keeps every behaviour (IM), higher drops rarer paths. */
  readonly noiseThreshold?: number
}

export const DEFAULT_NOISE_THRESHOLD = 0.2

/**
 * Inductive Miner – infrequent (Leemans, Fahland, van der Aalst 2013) over variants: a process
 * tree that, with noise 0, replays every trace of the log.
 */
export function discoverProcessTree(
  variants: readonly Variant[],
  options: MinerOptions = {},
): ProcessTree {
  const noise = options.noiseThreshold ?? DEFAULT_NOISE_THRESHOLD
  if (!(noise >= 0 && noise <= 1)) throw new RangeError(`noise threshold ${noise} is not in 0…1`)
  const { names, log } = internVariants(variants)
  const mine = (sublog: MiningLog): ProcessTree => mineLog(sublog, names, noise, mine)
  return mine(log)
}

function mineLog(
  input: MiningLog,
  names: readonly string[],
  noise: number,
  mine: (log: MiningLog) => ProcessTree,
): ProcessTree {
  const total = traceCount(input)
  if (total === 0) return TAU
  const log = withoutEmptyTraces(input)
  const empty = total - traceCount(log)
  if (empty > 0 && empty > noise * total) return xor([mine(log), TAU])
  if (log.traces.length === 0) return TAU
  const dfg = dfgOf(log)
  const single = singleActivity(log, dfg, names, noise)
  if (single) return single
  const cut = findCut(dfg) ?? (noise > 0 ? findCut(filterDfg(dfg, noise)) : null)
  if (cut) return treeOf(cut, splitLog(log, cut, names.length).map(mine))
  return fallThrough(log, dfg, { names, mine })
}

function withoutEmptyTraces(log: MiningLog): MiningLog {
  if (log.traces.every((t) => t.length > 0)) return log
  const keep = log.traces.map((t) => t.length > 0)
  return {
    traces: log.traces.filter((_, i) => keep[i]),
    counts: log.counts.filter((_, i) => keep[i]),
  }
}

/** ⟨a⟩ only → a; IMf also ignores repetitions of a in up to `noise` of the traces. */
function singleActivity(log: MiningLog, dfg: Dfg, names: readonly string[], noise: number) {
  if (dfg.activities.length !== 1) return null
  const repeated = log.traces.reduce((n, t, i) => (t.length > 1 ? n + log.counts[i]! : n), 0)
  if (repeated > 0 && !(noise > 0 && repeated <= noise * traceCount(log))) return null
  return activity(names[dfg.activities[0]!]!)
}

function treeOf(cut: Cut, children: ProcessTree[]): ProcessTree {
  switch (cut.kind) {
    case 'xor':
      return xor(children)
    case 'sequence':
      return sequence(children)
    case 'parallel':
      return parallel(children)
    case 'loop':
      return loop(children[0]!, children.slice(1))
  }
}
