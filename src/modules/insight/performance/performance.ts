import {
  BUILT_IN_CALENDAR_YEARS,
  createWorkingCalendar,
  type WorkingCalendar,
} from '../../../platform/calendar/index.js'
import type { EventLog } from '../log/event-log.js'
import {
  activityInstances,
  beganAt,
  serviceTime,
  type ActivityInstances,
} from './activity-instances.js'
import { GroupedTimes, type TimeStats } from './time-stats.js'
import { WorkingDayCounter } from './working-days.js'

export interface GroupPerformance {
  /** The activity, staff member (org:resource) or department (org:group); '' for none. */
  readonly key: string
  readonly instances: number
  readonly waiting: TimeStats
  readonly service: TimeStats
}

export interface Bottleneck {
  readonly activity: string
  readonly rank: number
  /** Waiting + service time of all its instances (ms). */
  readonly totalMs: number
  readonly waitingMs: number
  readonly serviceMs: number
  /** Its share of all cases' durations together. */
  readonly share: number
  readonly instances: number
  readonly meanMs: number
}

export interface CaseDuration {
  readonly caseId: string
  readonly durationMs: number
  /** Null when the case touches a year the calendar has not loaded. */
  readonly workingDays: number | null
}

export interface PerformanceReport {
  /** The log has lifecycle start events: service times are measured. */
  readonly withLifecycle: boolean
  /** Years of the calendar used for working days. */
  readonly calendarYears: readonly number[]
  readonly cases: {
    readonly count: number
    readonly duration: TimeStats
    readonly longest: readonly CaseDuration[]
  }
  readonly activities: readonly GroupPerformance[]
  readonly resources: readonly GroupPerformance[]
  readonly departments: readonly GroupPerformance[]
  readonly bottlenecks: readonly Bottleneck[]
}

export interface PerformanceOptions {
  /** Defaults to the years built into tongban; pass the platform's current calendar in the app. */
  readonly calendar?: WorkingCalendar
  /** How many of the longest cases are listed (default 10). */
  readonly longest?: number
}

/** The first and last timestamp of a case (NaN when it has none). */
export function caseBounds(log: EventLog, c: number): [number, number] {
  let first = NaN
  let last = NaN
  for (let e = log.caseStart[c] as number; e < (log.caseStart[c + 1] as number); e++) {
    const t = log.timestamp[e] as number
    if (Number.isNaN(t)) continue
    if (!(t >= first)) first = t
    if (!(t <= last)) last = t
  }
  return [first, last]
}

/** One measure of every instance: calendar ms (by index) and working days (NaN: unknown). */
interface Measure {
  readonly ms: (i: number) => number
  readonly days: Float32Array
}

/** Waiting and service of every instance, their working days counted once. */
function measures(instances: ActivityInstances, days: WorkingDayCounter): [Measure, Measure] {
  const waitDays = new Float32Array(instances.count)
  const serveDays = new Float32Array(instances.count)
  for (let i = 0; i < instances.count; i++) {
    const wait = instances.waiting[i] as number
    const began = beganAt(instances, i)
    waitDays[i] = Number.isNaN(wait) ? NaN : days.between(began - wait, began)
    const serve = serviceTime(instances, i)
    serveDays[i] = Number.isNaN(serve)
      ? NaN
      : days.between(instances.start[i] as number, instances.end[i] as number)
  }
  return [
    { ms: (i) => instances.waiting[i] as number, days: waitDays },
    { ms: (i) => serviceTime(instances, i), days: serveDays },
  ]
}

/** Per group, one measure at a time (so only one measure's values are held at once). */
function groupStats(
  instances: ActivityInstances,
  keyOf: Int32Array,
  groups: number,
  measure: Measure,
): TimeStats[] {
  const times = new GroupedTimes(groups)
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < instances.count; i++) {
      const key = keyOf[i] as number
      const g = key < 0 ? groups - 1 : key
      const ms = measure.ms(i)
      const working = measure.days[i] as number
      if (pass === 0) times.expect(g, ms, working)
      else times.add(g, ms, working)
    }
  }
  return Array.from({ length: groups }, (_, g) => times.stats(g))
}

function groupPerformance(
  instances: ActivityInstances,
  keyOf: Int32Array,
  names: readonly string[],
  [wait, serve]: [Measure, Measure],
): GroupPerformance[] {
  const groups = names.length + 1 // the last group: instances without a key
  const counts = new Int32Array(groups)
  for (let i = 0; i < instances.count; i++) {
    const key = keyOf[i] as number
    const g = key < 0 ? names.length : key
    counts[g] = (counts[g] as number) + 1
  }
  const waiting = groupStats(instances, keyOf, groups, wait)
  const service = groupStats(instances, keyOf, groups, serve)
  const out: GroupPerformance[] = []
  for (let g = 0; g < groups; g++) {
    if (counts[g] === 0) continue
    out.push({
      key: names[g] ?? '',
      instances: counts[g] as number,
      waiting: waiting[g] as TimeStats,
      service: service[g] as TimeStats,
    })
  }
  return out.sort((a, b) => b.instances - a.instances)
}

function bottlenecks(
  instances: ActivityInstances,
  names: readonly string[],
  totalCaseMs: number,
): Bottleneck[] {
  const wait = new Float64Array(names.length)
  const serve = new Float64Array(names.length)
  const counts = new Int32Array(names.length)
  for (let i = 0; i < instances.count; i++) {
    const a = instances.activity[i] as number
    counts[a] = (counts[a] as number) + 1
    const w = instances.waiting[i] as number
    const s = serviceTime(instances, i)
    if (!Number.isNaN(w)) wait[a] = (wait[a] as number) + w
    if (!Number.isNaN(s)) serve[a] = (serve[a] as number) + s
  }
  return names
    .map((activity, a) => {
      const totalMs = (wait[a] as number) + (serve[a] as number)
      const instancesOf = counts[a] as number
      return {
        activity,
        rank: 0,
        totalMs,
        waitingMs: wait[a] as number,
        serviceMs: serve[a] as number,
        share: totalCaseMs > 0 ? totalMs / totalCaseMs : 0,
        instances: instancesOf,
        meanMs: instancesOf > 0 ? totalMs / instancesOf : 0,
      }
    })
    .filter((b) => b.instances > 0)
    .sort((a, b) => b.totalMs - a.totalMs)
    .map((b, i) => ({ ...b, rank: i + 1 }))
}

/** Waiting and service times per activity, staff and department; case durations; bottlenecks. */
export function analysePerformance(
  log: EventLog,
  options: PerformanceOptions = {},
): PerformanceReport {
  const calendar = options.calendar ?? createWorkingCalendar(BUILT_IN_CALENDAR_YEARS)
  const days = new WorkingDayCounter(calendar)
  const instances = activityInstances(log)
  const measured = measures(instances, days)
  const durations = new GroupedTimes(1)
  const longest: CaseDuration[] = []
  let totalCaseMs = 0
  for (let pass = 0; pass < 2; pass++) {
    for (let c = 0; c < log.caseCount; c++) {
      const [first, last] = caseBounds(log, c)
      const ms = last - first
      const working = days.between(first, last)
      if (pass === 0) {
        durations.expect(0, ms, working)
        if (!Number.isNaN(ms)) totalCaseMs += ms
      } else {
        durations.add(0, ms, working)
        if (!Number.isNaN(ms))
          keepLongest(
            longest,
            {
              caseId: log.caseIds[c] as string,
              durationMs: ms,
              workingDays: Number.isNaN(working) ? null : working,
            },
            options.longest ?? 10,
          )
      }
    }
  }
  return {
    withLifecycle: instances.withLifecycle,
    calendarYears: calendar.loadedYears(),
    cases: { count: log.caseCount, duration: durations.stats(0), longest },
    activities: groupPerformance(instances, instances.activity, log.activityNames, measured),
    resources: groupPerformance(instances, instances.resource, log.resourceNames, measured),
    departments: groupPerformance(instances, instances.group, log.groupNames, measured),
    bottlenecks: bottlenecks(instances, log.activityNames, totalCaseMs),
  }
}

function keepLongest(list: CaseDuration[], item: CaseDuration, max: number): void {
  if (max <= 0) return
  if (list.length === max && (list[max - 1] as CaseDuration).durationMs >= item.durationMs) return
  let at = list.length
  while (at > 0 && (list[at - 1] as CaseDuration).durationMs < item.durationMs) at--
  list.splice(at, 0, item)
  if (list.length > max) list.pop()
}
