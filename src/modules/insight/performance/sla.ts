import {
  BUILT_IN_CALENDAR_YEARS,
  createWorkingCalendar,
  type WorkingCalendar,
} from '../../../platform/calendar/index.js'
import type { EventLog } from '../log/event-log.js'
import { activityInstances, serviceTime } from './activity-instances.js'
import { caseBounds } from './performance.js'
import { WorkingDayCounter } from './working-days.js'

/** The limit a case must finish within: calendar time, working days, or both (either breaks it). */
export interface SlaLimit {
  readonly calendarMs?: number
  readonly workingDays?: number
}

export interface SlaStep {
  readonly activity: string
  /** Late cases in which this step took the most time. */
  readonly culpritCases: number
  /** Time of this step (waiting + service) in all late cases (ms). */
  readonly totalMs: number
  /** Its share of the late cases' time. */
  readonly share: number
}

export interface LateCase {
  readonly caseId: string
  readonly durationMs: number
  readonly workingDays: number | null
  /** The step that took the most time, and how much of the case it took. */
  readonly step: string
  readonly stepMs: number
  readonly stepShare: number
}

export interface SlaReport {
  readonly limit: SlaLimit
  readonly cases: number
  readonly late: number
  /** Cases whose working days are unknown (a year not loaded) and that no calendar limit caught. */
  readonly unknown: number
  readonly steps: readonly SlaStep[]
  /** The longest late cases (at most `examples`). */
  readonly examples: readonly LateCase[]
}

export interface SlaOptions {
  readonly calendar?: WorkingCalendar
  readonly examples?: number
}

/** For the cases that missed the limit: which step consumed their time. */
export function slaBreaches(log: EventLog, limit: SlaLimit, options: SlaOptions = {}): SlaReport {
  const days = new WorkingDayCounter(
    options.calendar ?? createWorkingCalendar(BUILT_IN_CALENDAR_YEARS),
  )
  const instances = activityInstances(log)
  const names = log.activityNames
  const stepMs = new Float64Array(names.length)
  const culprit = new Int32Array(names.length)
  const late: LateCase[] = []
  let unknown = 0
  let lateMs = 0
  let lateCount = 0
  for (let c = 0; c < log.caseCount; c++) {
    const [first, last] = caseBounds(log, c)
    const ms = last - first
    const working = days.between(first, last)
    const overCalendar = limit.calendarMs !== undefined && ms > limit.calendarMs
    const overWorking = limit.workingDays !== undefined && working > limit.workingDays
    if (!overCalendar && limit.workingDays !== undefined && Number.isNaN(working)) unknown++
    const from = instances.caseStart[c] as number
    const to = instances.caseStart[c + 1] as number
    if (!overCalendar && !overWorking) continue
    let worst = -1
    let worstMs = -Infinity
    for (let k = from; k < to; k++) {
      const spent =
        (Number.isNaN(instances.waiting[k]) ? 0 : (instances.waiting[k] as number)) +
        (Number.isNaN(serviceTime(instances, k)) ? 0 : serviceTime(instances, k))
      const a = instances.activity[k] as number
      stepMs[a] = (stepMs[a] as number) + spent
      if (spent > worstMs) {
        worst = a
        worstMs = spent
      }
    }
    lateMs += ms
    lateCount++
    if (worst < 0) continue
    culprit[worst] = (culprit[worst] as number) + 1
    late.push({
      caseId: log.caseIds[c] as string,
      durationMs: ms,
      workingDays: Number.isNaN(working) ? null : working,
      step: names[worst] as string,
      stepMs: worstMs,
      stepShare: ms > 0 ? worstMs / ms : 0,
    })
  }
  const steps = names
    .map((activity, a) => ({
      activity,
      culpritCases: culprit[a] as number,
      totalMs: stepMs[a] as number,
      share: lateMs > 0 ? (stepMs[a] as number) / lateMs : 0,
    }))
    .filter((s) => s.totalMs > 0 || s.culpritCases > 0)
    .sort((a, b) => b.culpritCases - a.culpritCases || b.totalMs - a.totalMs)
  const examples = late.sort((a, b) => b.durationMs - a.durationMs).slice(0, options.examples ?? 20)
  return { limit, cases: log.caseCount, late: lateCount, unknown, steps, examples }
}
