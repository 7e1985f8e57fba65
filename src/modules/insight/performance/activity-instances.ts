import type { EventLog } from '../log/event-log.js'
import { float64Column, int32Column } from '../log/growable.js'

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
  readonly caseOf: Int32Array
  readonly activity: Int32Array
  readonly resource: Int32Array
  readonly group: Int32Array
  readonly start: Float64Array
  readonly end: Float64Array
  readonly waiting: Float64Array
  readonly service: Float64Array
  /** The log had start events (so service times exist). */
  readonly withLifecycle: boolean
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

export function activityInstances(log: EventLog): ActivityInstances {
  const kinds = lifecycleKinds(log.lifecycleNames)
  const caseOf = int32Column()
  const activity = int32Column()
  const resource = int32Column()
  const group = int32Column()
  const start = float64Column()
  const end = float64Column()
  const waiting = float64Column()
  let withLifecycle = false
  const open: OpenStart[] = []
  for (let c = 0; c < log.caseCount; c++) {
    open.length = 0
    let lastEnd = NaN
    for (let e = log.caseStart[c] as number; e < (log.caseStart[c + 1] as number); e++) {
      const lc = log.lifecycle[e] as number
      const kind = lc < 0 ? 'complete' : (kinds[lc] as Kind)
      if (kind === 'other') continue
      const a = log.activity[e] as number
      const t = log.timestamp[e] as number
      if (kind === 'start') {
        withLifecycle = true
        const r = log.resource[e] as number
        open.push({
          activity: a,
          time: t,
          resource: r,
          group: log.group[e] as number,
          before: lastEnd,
        })
        continue
      }
      const i = open.findIndex((s) => s.activity === a)
      const begun = i < 0 ? undefined : (open.splice(i, 1)[0] as OpenStart)
      const began = begun === undefined ? t : begun.time
      caseOf.push(c)
      activity.push(a)
      const r = log.resource[e] as number
      resource.push(r >= 0 ? r : (begun?.resource ?? -1))
      const g = log.group[e] as number
      group.push(g >= 0 ? g : (begun?.group ?? -1))
      start.push(begun === undefined ? NaN : began)
      end.push(t)
      waiting.push(began - (begun === undefined ? lastEnd : begun.before))
      if (!Number.isNaN(t) && !(t <= lastEnd)) lastEnd = t
    }
  }
  const startTimes = start.finish()
  const endTimes = end.finish()
  const service = new Float64Array(endTimes.length)
  for (let i = 0; i < service.length; i++)
    service[i] = (endTimes[i] as number) - (startTimes[i] as number)
  return {
    count: endTimes.length,
    caseOf: caseOf.finish(),
    activity: activity.finish(),
    resource: resource.finish(),
    group: group.finish(),
    start: startTimes,
    end: endTimes,
    waiting: waiting.finish(),
    service,
    withLifecycle,
  }
}
