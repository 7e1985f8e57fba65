import type { Cut } from './cuts.js'
import { LogBuilder, type MiningLog } from './mining-log.js'

/**
 * Splits a log by a cut into one sub-log per group. When the cut was found on a filtered DFG the
 * traces do not all fit it; IMf's splitters then drop the events that do not fit (a trace goes
 * to the choice it has most events of; a sequence is split where the fewest events are lost).
 * On a cut that fits, every splitter keeps every event.
 */
export function splitLog(log: MiningLog, cut: Cut, activityCount: number): MiningLog[] {
  const groupOf = new Int32Array(activityCount).fill(-1)
  cut.groups.forEach((group, g) => group.forEach((a) => (groupOf[a] = g)))
  const builders = cut.groups.map(() => new LogBuilder())
  log.traces.forEach((trace, t) => {
    const count = log.counts[t] as number
    const add = (g: number, part: Int32Array) => builders[g]!.add(part, count)
    switch (cut.kind) {
      case 'xor':
        return splitXor(trace, groupOf, cut.groups.length, add)
      case 'sequence':
        return splitSequence(trace, groupOf, cut.groups.length, add)
      case 'parallel':
        return cut.groups.forEach((_, g) =>
          add(
            g,
            trace.filter((a) => groupOf[a] === g),
          ),
        )
      case 'loop':
        return splitLoop(trace, groupOf, add)
    }
  })
  return builders.map((b) => b.build())
}

type Add = (group: number, part: Int32Array) => void

function splitXor(trace: Int32Array, groupOf: Int32Array, groups: number, add: Add): void {
  const hits = new Array<number>(groups).fill(0)
  for (const a of trace) if (groupOf[a]! >= 0) hits[groupOf[a]!]!++
  const best = hits.indexOf(Math.max(...hits))
  add(
    best,
    trace.filter((a) => groupOf[a] === best),
  )
}

/**
 * For each group in turn, the split point after which the fewest events are lost: events of
 * this group after it and events of other groups before it.
 */
function splitSequence(trace: Int32Array, groupOf: Int32Array, groups: number, add: Add): void {
  let from = 0
  for (let g = 0; g < groups; g++) {
    let cost = 0
    for (let i = from; i < trace.length; i++) if (groupOf[trace[i]!] === g) cost++
    let best = from
    let bestCost = cost
    for (let i = from; i < trace.length && g < groups - 1; i++) {
      cost += groupOf[trace[i]!] === g ? -1 : 1
      if (cost < bestCost) [best, bestCost] = [i + 1, cost]
    }
    const end = g === groups - 1 ? trace.length : best
    add(
      g,
      trace.subarray(from, end).filter((a) => groupOf[a] === g),
    )
    from = end
  }
}

/**
 * Runs of body activities go to the body's log, runs of a redo part to that part's log; two redo
 * runs in a row (or a trace starting or ending in one) get an empty body run between them.
 */
function splitLoop(trace: Int32Array, groupOf: Int32Array, add: Add): void {
  let current = 0
  let run: number[] = []
  for (const a of trace) {
    const g = groupOf[a]!
    if (g < 0) continue
    if (g !== current) {
      add(current, Int32Array.from(run))
      if (current !== 0 && g !== 0) add(0, new Int32Array(0))
      current = g
      run = []
    }
    run.push(a)
  }
  add(current, Int32Array.from(run))
  if (current !== 0) add(0, new Int32Array(0))
}
