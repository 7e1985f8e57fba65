import { findCut } from './cuts.js'
import { dfgOf, LogBuilder, projectLog, type Dfg, type MiningLog } from './mining-log.js'
import { activity, loop, parallel, TAU, type ProcessTree } from './process-tree.js'

export interface FallThroughContext {
  readonly names: readonly string[]
  readonly mine: (log: MiningLog) => ProcessTree
}

/**
 * IM's fall-throughs when no cut is found, in order: an activity once per trace, an activity
 * concurrent to the rest, a strict τ loop, a τ loop, and the flower model (anything goes).
 */
export function fallThrough(log: MiningLog, dfg: Dfg, context: FallThroughContext): ProcessTree {
  return (
    activityOncePerTrace(log, dfg, context) ??
    activityConcurrent(log, dfg, context) ??
    strictTauLoop(log, dfg, context) ??
    tauLoop(log, dfg, context) ??
    loop(
      TAU,
      dfg.activities.map((a) => activity(context.names[a]!)),
    )
  )
}

/** An activity occurring exactly once in every trace runs in parallel with the rest. */
function activityOncePerTrace(log: MiningLog, dfg: Dfg, context: FallThroughContext) {
  if (dfg.activities.length < 2) return null
  const once = dfg.activities.find((a) =>
    log.traces.every((trace) => trace.filter((b) => b === a).length === 1),
  )
  if (once === undefined) return null
  const rest = context.mine(projectLog(log, (b) => b !== once))
  return parallel([activity(context.names[once]!), rest])
}

/** An activity whose removal leaves a log with a cut runs in parallel with the rest. */
function activityConcurrent(log: MiningLog, dfg: Dfg, context: FallThroughContext) {
  if (dfg.activities.length < 2) return null
  for (const a of dfg.activities) {
    const rest = projectLog(log, (b) => b !== a)
    if (findCut(dfgOf(rest)) === null) continue
    return parallel([context.mine(projectLog(log, (b) => b === a)), context.mine(rest)])
  }
  return null
}

/** Traces cut wherever an end activity is directly followed by a start activity: ↺(…, τ). */
function strictTauLoop(log: MiningLog, dfg: Dfg, context: FallThroughContext) {
  return splitLoop(log, context, (prev, next) => dfg.end.has(prev) && dfg.start.has(next))
}

/** Traces cut before every start activity: ↺(…, τ). */
function tauLoop(log: MiningLog, dfg: Dfg, context: FallThroughContext) {
  return splitLoop(log, context, (_, next) => dfg.start.has(next))
}

function splitLoop(
  log: MiningLog,
  context: FallThroughContext,
  cutBetween: (prev: number, next: number) => boolean,
): ProcessTree | null {
  const builder = new LogBuilder()
  let cuts = 0
  log.traces.forEach((trace, t) => {
    let from = 0
    for (let i = 1; i <= trace.length; i++) {
      if (i < trace.length && !cutBetween(trace[i - 1]!, trace[i]!)) continue
      builder.add(trace.subarray(from, i), log.counts[t]!)
      if (i < trace.length) cuts++
      from = i
    }
  })
  return cuts === 0 ? null : loop(context.mine(builder.build()), [TAU])
}
