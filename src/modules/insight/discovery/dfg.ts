import type { EventLog } from '../log/event-log.js'
import { GroupedValues, type DurationStats } from './duration-stats.js'
import { PairIndex } from './pair-index.js'

export interface ActivityFrequency {
  readonly activity: string
  /** Events of the activity. */
  readonly events: number
  /** Cases with at least one. */
  readonly cases: number
}

export interface DfgEdge {
  readonly from: string
  readonly to: string
  /** How often `to` directly follows `from`. */
  readonly count: number
  /** Cases in which it does at least once. */
  readonly cases: number
  /** Time from `from` to `to` (ms) over the pairs where both have a time; null if none. */
  readonly duration: DurationStats | null
}

export interface EndpointCount {
  readonly activity: string
  readonly count: number
}

/** The directly-follows graph of a log with its frequencies and durations. */
export interface DirectlyFollowsGraph {
  readonly activities: readonly ActivityFrequency[]
  readonly edges: readonly DfgEdge[]
  readonly startActivities: readonly EndpointCount[]
  readonly endActivities: readonly EndpointCount[]
}

function byCountDesc<T extends { count: number }>(a: T, b: T): number {
  return b.count - a.count
}

function activityFrequencies(log: EventLog): ActivityFrequency[] {
  const n = log.activityNames.length
  const events = new Int32Array(n)
  const cases = new Int32Array(n)
  const lastCase = new Int32Array(n).fill(-1)
  for (let c = 0; c < log.caseCount; c++) {
    for (let e = log.caseStart[c] as number; e < (log.caseStart[c + 1] as number); e++) {
      const a = log.activity[e] as number
      events[a] = (events[a] as number) + 1
      if (lastCase[a] !== c) {
        lastCase[a] = c
        cases[a] = (cases[a] as number) + 1
      }
    }
  }
  return log.activityNames
    .map((activity, a) => ({ activity, events: events[a] as number, cases: cases[a] as number }))
    .filter((f) => f.events > 0)
    .sort((x, y) => y.events - x.events)
}

function endpoints(log: EventLog, atEnd: boolean): EndpointCount[] {
  const counts = new Int32Array(log.activityNames.length)
  for (let c = 0; c < log.caseCount; c++) {
    const from = log.caseStart[c] as number
    const to = log.caseStart[c + 1] as number
    if (from === to) continue
    const a = log.activity[atEnd ? to - 1 : from] as number
    counts[a] = (counts[a] as number) + 1
  }
  const out: EndpointCount[] = []
  counts.forEach((count, a) => {
    if (count > 0) out.push({ activity: log.activityNames[a] as string, count })
  })
  return out.sort(byCountDesc)
}

/** Directly-follows graph: activity and edge frequencies, edge durations, start and end activities. */
export function directlyFollowsGraph(log: EventLog): DirectlyFollowsGraph {
  const pairs = new PairIndex(log.activityNames.length)
  const pairOfEvent = new Int32Array(Math.max(0, log.eventCount)).fill(-1)
  const counts: number[] = []
  const cases: number[] = []
  const lastCase: number[] = []
  for (let c = 0; c < log.caseCount; c++) {
    const to = log.caseStart[c + 1] as number
    for (let e = (log.caseStart[c] as number) + 1; e < to; e++) {
      const id = pairs.id(log.activity[e - 1] as number, log.activity[e] as number)
      pairOfEvent[e] = id
      if (id === counts.length) {
        counts.push(0)
        cases.push(0)
        lastCase.push(-1)
      }
      counts[id] = (counts[id] as number) + 1
      if (lastCase[id] !== c) {
        lastCase[id] = c
        cases[id] = (cases[id] as number) + 1
      }
    }
  }
  const durations = new GroupedValues(pairs.count)
  const time = log.timestamp
  for (let pass = 0; pass < 2; pass++) {
    for (let e = 1; e < log.eventCount; e++) {
      const id = pairOfEvent[e] as number
      if (id < 0) continue
      const gap = (time[e] as number) - (time[e - 1] as number)
      if (Number.isNaN(gap)) continue
      if (pass === 0) durations.expect(id)
      else durations.add(id, gap)
    }
  }
  const edges: DfgEdge[] = counts.map((count, id) => ({
    from: log.activityNames[pairs.from[id] as number] as string,
    to: log.activityNames[pairs.to[id] as number] as string,
    count,
    cases: cases[id] as number,
    duration: durations.summary(id),
  }))
  return {
    activities: activityFrequencies(log),
    edges: edges.sort(byCountDesc),
    startActivities: endpoints(log, false),
    endActivities: endpoints(log, true),
  }
}
