import type { WorkingCalendar } from '../../platform/calendar/index.js'
import type { CaseAction } from './case-status.js'
import type { EngineEvent } from './engine/index.js'
import { computeClock, type ClockEvent, type ClockResult } from './sla/index.js'

/**
 * The statutory-clock facts of a case, read from its log: received on submission; accepted
 * (受理) when its first step is completed; corrections from the case's own actions; decided
 * by the last step completed before the process ended; the licence when it was issued.
 * Withdrawn or terminated cases have no running clock (null).
 */
export function clockEventsOf(
  engine: readonly EngineEvent[],
  caseActions: readonly CaseAction[],
): ClockEvent[] | null {
  const events: ClockEvent[] = []
  let accepted = false
  let lastCompletion: { at: string; approved: boolean | null } | null = null
  for (const action of caseActions) {
    if (action.type === 'case.withdrawn') return null
  }
  const caseEvents = caseActions.flatMap((a): ClockEvent[] => {
    if (a.type === 'case.submitted') return [{ type: 'received', at: a.at }]
    if (a.type === 'case.correction_requested') return [{ type: 'correction_notified', at: a.at }]
    if (a.type === 'case.correction_resubmitted')
      return [{ type: 'correction_resubmitted', at: a.at }]
    if (a.type === 'case.licence_issued') return [{ type: 'licence_issued', at: a.at }]
    if (a.type === 'case.extension_decided' && a.granted)
      return [{ type: 'extension_granted', at: a.at, days: a.days }]
    if (a.type === 'case.special_procedure_started')
      return [{ type: 'special_procedure_started', at: a.at, kind: a.kind }]
    if (a.type === 'case.special_procedure_ended')
      return [{ type: 'special_procedure_ended', at: a.at, kind: a.kind }]
    return []
  })
  for (const event of engine) {
    if (event.type === 'instance_terminated') return null
    if (event.type === 'task_completed') {
      if (!accepted) {
        events.push({ type: 'accepted', at: event.at })
        accepted = true
      }
      lastCompletion = { at: event.at, approved: event.approved }
    }
    if (event.type === 'instance_completed' && lastCompletion)
      events.push({
        type: 'decided',
        at: lastCompletion.at,
        outcome: lastCompletion.approved === false ? 'refused' : 'approved',
      })
  }
  return [...caseEvents, ...events].sort(
    (a, b) => a.at.localeCompare(b.at) || LIFE_ORDER[a.type] - LIFE_ORDER[b.type],
  )
}

/**
 * Events of one instant in the order a case lives them: a licence issued in the same
 * millisecond as the decision still comes after it.
 */
const LIFE_ORDER: Record<ClockEvent['type'], number> = {
  received: 0,
  correction_notified: 1,
  correction_resubmitted: 2,
  accepted: 3,
  special_procedure_started: 4,
  special_procedure_ended: 5,
  extension_granted: 6,
  decided: 7,
  licence_issued: 8,
}

export function caseClock(
  log: { engine: readonly EngineEvent[]; caseActions: readonly CaseAction[] },
  limits: { promisedDays: number; statutoryDays: number },
  calendar: WorkingCalendar,
  now: Date,
): ClockResult | null {
  const events = clockEventsOf(log.engine, log.caseActions)
  if (!events) return null
  return computeClock({ events, ...limits, calendar, now })
}

/**
 * 联合办理: a bundle's joint clock (45 working days, +15 with approval) runs from the first
 * department's acceptance to the last department's decision. Correction pauses are not
 * subtracted here, so the joint view errs on the side of less time left.
 */
export function jointClockEvents(
  perCase: ReadonlyArray<readonly ClockEvent[]>,
): ClockEvent[] | null {
  if (perCase.length === 0) return null
  const first = (type: ClockEvent['type'], list: readonly ClockEvent[]) =>
    list.find((e) => e.type === type)?.at
  const received = perCase.map((l) => first('received', l)).filter((a): a is string => !!a)
  const accepted = perCase.map((l) => first('accepted', l)).filter((a): a is string => !!a)
  const decided = perCase.map((l) => l.find((e) => e.type === 'decided'))
  const earliest = (list: string[]) => [...list].sort()[0]
  const events: ClockEvent[] = []
  const receivedAt = earliest(received)
  if (!receivedAt) return null
  events.push({ type: 'received', at: receivedAt })
  const acceptedAt = earliest(accepted)
  if (acceptedAt) events.push({ type: 'accepted', at: acceptedAt })
  if (acceptedAt && decided.every((d) => d !== undefined)) {
    const last = [...decided].sort((a, b) => (a?.at ?? '').localeCompare(b?.at ?? '')).at(-1)
    const approvedAny = decided.some((d) => d?.type === 'decided' && d.outcome !== 'refused')
    if (last)
      events.push({ type: 'decided', at: last.at, outcome: approvedAny ? 'approved' : 'refused' })
  }
  return events
}
