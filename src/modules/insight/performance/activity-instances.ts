import type { EventLog } from '../log/event-log.js'

/**
 * Activity instances: one execution of an activity in a case, from its lifecycle `start` to its
 * `complete` (matched first-in first-out per activity), or a single event when the log has no
 * start for it. Times in epoch ms; NaN where unknown.
 * - service: complete − start (NaN without a start);
 * - waiting: from the latest completion before the instance began, in the same case, to its
 *   start (or, without a start, to its completion — then the whole gap counts as waiting).
 *   The first instance of a case has no waiting time.
 */
export interface ActivityInstances {
  readonly count: number
  /** caseCount + 1 offsets: the instances of case c are caseStart[c] … caseStart[c + 1] - 1. */
  readonly caseStart: Int32Array
  readonly activity: Int32Array
  readonly resource: Int32Array
  readonly group: Int32Array
  readonly start: Float64Array
  readonly end: Float64Array
  readonly waiting: Float64Array
  /** The log had start events (so service times exist). */
  readonly withLifecycle: boolean
}

/** complete − start of instance i (NaN without a start). */
export function serviceTime(instances: ActivityInstances, i: number): number {
  return (instances.end[i] as number) - (instances.start[i] as number)
}

/** When instance i began: its start, or its completion when it has no start. */
export function beganAt(instances: ActivityInstances, i: number): number {
  const start = instances.start[i] as number
  return Number.isNaN(start) ? (instances.end[i] as number) : start
}

type Kind = 'start' | 'complete' | 'other'

function lifecycleKinds(names: readonly string[]): Kind[] {
  return names.map((name) => {
    const lower = name.toLowerCase()
    if (lower === 'start') return 'start'
    if (lower === 'complete' || lower === 'completed') return 'complete'
    return 'other'
  })
}

interface OpenStart {
  readonly activity: number
  readonly time: number
  readonly resource: number
  readonly group: number
  /** The case's latest completion when this start happened. */
  readonly before: number
}

/** Events that complete an instance: lifecycle complete, or none stated. */
function completions(log: EventLog, kinds: readonly Kind[]): number {
  let n = 0
  for (let e = 0; e < log.eventCount; e++) {
    const lc = log.lifecycle[e] as number
    if (lc < 0 || kinds[lc] === 'complete') n++
  }
  return n
}

/** The activity instances of a log, in arrays sized exactly (36 bytes an instance). */
export function activityInstances(log: EventLog): ActivityInstances {
  const kinds = lifecycleKinds(log.lifecycleNames)
  const n = completions(log, kinds)
  const out = {
    count: n,
    caseStart: new Int32Array(log.caseCount + 1),
    activity: new Int32Array(n),
    resource: new Int32Array(n),
    group: new Int32Array(n),
    start: new Float64Array(n),
    end: new Float64Array(n),
    waiting: new Float64Array(n),
    withLifecycle: false,
  }
  const open: OpenStart[] = []
  let i = 0
  for (let c = 0; c < log.caseCount; c++) {
    out.caseStart[c] = i
    open.length = 0
    let lastEnd = NaN
    for (let e = log.caseStart[c] as number; e < (log.caseStart[c + 1] as number); e++) {
      const lc = log.lifecycle[e] as number
      const kind = lc < 0 ? 'complete' : (kinds[lc] as Kind)
      if (kind === 'other') continue
      const a = log.activity[e] as number
      const t = log.timestamp[e] as number
      const r = log.resource[e] as number
      const g = log.group[e] as number
      if (kind === 'start') {
        out.withLifecycle = true
        open.push({ activity: a, time: t, resource: r, group: g, before: lastEnd })
        continue
      }
      const k = open.findIndex((s) => s.activity === a)
      const begun = k < 0 ? undefined : (open.splice(k, 1)[0] as OpenStart)
      out.activity[i] = a
      out.resource[i] = r >= 0 ? r : (begun?.resource ?? -1)
      out.group[i] = g >= 0 ? g : (begun?.group ?? -1)
      out.start[i] = begun === undefined ? NaN : begun.time
      out.end[i] = t
      out.waiting[i] = begun === undefined ? t - lastEnd : begun.time - begun.before
      i++
      if (!Number.isNaN(t) && !(t <= lastEnd)) lastEnd = t
    }
  }
  out.caseStart[log.caseCount] = i
  return out
}
