import { toShanghaiDate } from '../../../platform/calendar/index.js'
import type { LimitView } from './limit-view.js'
import type { ClockView } from './statutory-clock.js'

/** A case's clock view with the keys it is reported under. */
export type SlaCase = {
  readonly caseId: string
  readonly departmentId: string
  readonly itemCode: string
  readonly view: ClockView
}

export type OnTimeRate = {
  /** departmentId or itemCode. */
  readonly key: string
  /** Decided cases whose timeliness is known (the denominator). */
  readonly decided: number
  readonly withinPromised: number
  readonly withinStatutory: number
  /** Decided cases the loaded calendar cannot judge; not in any rate. */
  readonly unknown: number
  /** withinPromised / decided; null with nothing decided. */
  readonly promisedRate: number | null
  readonly statutoryRate: number | null
}

export type OnTimeRates = {
  readonly byDepartment: readonly OnTimeRate[]
  readonly byItem: readonly OnTimeRate[]
}

/** What timeliness is counted from: a case's keys and whether it was decided on time. */
export type TimelinessFacts = Pick<SlaCase, 'departmentId' | 'itemCode'> & {
  readonly view: Pick<ClockView, 'decidedOnTime'>
}

/** Share of decided cases within the promised and the statutory limit, per department and item. */
export function onTimeRate(cases: Iterable<TimelinessFacts>): OnTimeRates {
  const tally = createOnTimeTally()
  for (const c of cases) tally.add(c)
  return tally.rates()
}

/** `onTimeRate` a case at a time, so a caller can count cases read a page at a time. */
export function createOnTimeTally() {
  const byDepartment = new Map<string, Tally>()
  const byItem = new Map<string, Tally>()
  return {
    add(c: TimelinessFacts): void {
      const onTime = c.view.decidedOnTime
      if (onTime === null) return
      count(byDepartment, c.departmentId, onTime)
      count(byItem, c.itemCode, onTime)
    },
    rates: (): OnTimeRates => ({ byDepartment: ratesOf(byDepartment), byItem: ratesOf(byItem) }),
  }
}

type Tally = { decided: number; withinPromised: number; withinStatutory: number; unknown: number }
type OnTime = NonNullable<ClockView['decidedOnTime']>

function count(tallies: Map<string, Tally>, key: string, onTime: OnTime): void {
  let tally = tallies.get(key)
  if (!tally) {
    tally = { decided: 0, withinPromised: 0, withinStatutory: 0, unknown: 0 }
    tallies.set(key, tally)
  }
  if (onTime.promised === null || onTime.statutory === null) {
    tally.unknown += 1
    return
  }
  tally.decided += 1
  if (onTime.promised) tally.withinPromised += 1
  if (onTime.statutory) tally.withinStatutory += 1
}

function ratesOf(tallies: Map<string, Tally>): OnTimeRate[] {
  return [...tallies]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, tally]) => ({
      key,
      ...tally,
      promisedRate: tally.decided > 0 ? tally.withinPromised / tally.decided : null,
      statutoryRate: tally.decided > 0 ? tally.withinStatutory / tally.decided : null,
    }))
}

export type EscalatedLimit = 'promised' | 'statutory' | 'licence'

/** warn: 80 % of the limit used (amber); escalate: the limit is breached (red). */
export type EscalationLevel = 'warn' | 'escalate'

export type Escalation = {
  readonly caseId: string
  readonly departmentId: string
  readonly itemCode: string
  readonly limit: EscalatedLimit
  readonly level: EscalationLevel
  readonly deadline: string | null
  readonly remainingDays: number | null
}

export type EscalationReport = {
  /** Shanghai date of `now`. */
  readonly raisedOn: string
  /** Breaches first, then the fewest working days left. */
  readonly escalations: readonly Escalation[]
  /** Cases with a limit the loaded calendar cannot judge (load the missing year). */
  readonly unknown: readonly string[]
  /** Views computed for another day than `now`; recompute them, nothing is raised. */
  readonly stale: readonly string[]
}

/** Amber and red limits of running cases and pending licences, as of `now`. */
export function escalations(cases: readonly SlaCase[], now: Date): EscalationReport {
  const raisedOn = toShanghaiDate(now)
  const found: Escalation[] = []
  const unknown: string[] = []
  const stale: string[] = []
  for (const c of cases) {
    if (c.view.asOf !== raisedOn) {
      stale.push(c.caseId)
      continue
    }
    const limits = limitsOf(c.view)
    if (limits.some(([, view]) => view.state === 'unknown')) unknown.push(c.caseId)
    for (const [limit, view] of limits) {
      const level = levelOf(view)
      if (level !== undefined) found.push(escalation(c, limit, level, view))
    }
  }
  return { raisedOn, escalations: found.sort(byUrgency), unknown, stale }
}

function limitsOf(view: ClockView): [EscalatedLimit, LimitView][] {
  const all: [EscalatedLimit, LimitView | null][] = [
    ['promised', view.promised],
    ['statutory', view.statutory],
    ['licence', view.licence],
  ]
  return all.filter((entry): entry is [EscalatedLimit, LimitView] => entry[1] !== null)
}

function levelOf(view: LimitView): EscalationLevel | undefined {
  if (view.state === 'red') return 'escalate'
  return view.state === 'amber' ? 'warn' : undefined
}

function escalation(
  c: SlaCase,
  limit: EscalatedLimit,
  level: EscalationLevel,
  view: LimitView,
): Escalation {
  const { caseId, departmentId, itemCode } = c
  const deadline = view.deadline.known ? view.deadline.value : null
  return {
    caseId,
    departmentId,
    itemCode,
    limit,
    level,
    deadline,
    remainingDays: view.remainingDays,
  }
}

function byUrgency(a: Escalation, b: Escalation): number {
  if (a.level !== b.level) return a.level === 'escalate' ? -1 : 1
  const left = (e: Escalation): number => e.remainingDays ?? Number.POSITIVE_INFINITY
  if (left(a) !== left(b)) return left(a) - left(b)
  return a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0
}
