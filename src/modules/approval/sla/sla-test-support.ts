import { BUILT_IN_CALENDAR_YEARS, createWorkingCalendar } from '../../../platform/calendar/index.js'
import type { ClockEvent, SpecialProcedureKind } from './clock-events.js'
import { computeClock, type ClockInput, type ClockView } from './statutory-clock.js'

export const calendar = createWorkingCalendar(BUILT_IN_CALENDAR_YEARS)

/** An instant on a Shanghai date, by default 10:00 local time. */
export const at = (date: string, time = '10:00'): string => `${date}T${time}:00+08:00`

/** Noon in Shanghai on `date`, used as `now`. */
export const noon = (date: string): Date => new Date(at(date, '12:00'))

export const known = (value: string) => ({ known: true, value })
export const notLoaded = (year: number) => ({ known: false, reason: 'year_not_loaded', year })

export const events = {
  received: (date: string): ClockEvent => ({ type: 'received', at: at(date, '09:00') }),
  notified: (date: string): ClockEvent => ({ type: 'correction_notified', at: at(date, '16:00') }),
  resubmitted: (date: string): ClockEvent => ({ type: 'correction_resubmitted', at: at(date) }),
  accepted: (date: string): ClockEvent => ({ type: 'accepted', at: at(date, '11:00') }),
  started: (date: string, kind: SpecialProcedureKind): ClockEvent => ({
    type: 'special_procedure_started',
    at: at(date, '14:00'),
    kind,
  }),
  ended: (date: string, kind: SpecialProcedureKind): ClockEvent => ({
    type: 'special_procedure_ended',
    at: at(date, '15:00'),
    kind,
  }),
  extended: (date: string, days: number): ClockEvent => ({
    type: 'extension_granted',
    at: at(date, '15:30'),
    days,
  }),
  decided: (date: string, outcome?: 'approved' | 'refused'): ClockEvent =>
    outcome === undefined
      ? { type: 'decided', at: at(date, '17:00') }
      : { type: 'decided', at: at(date, '17:00'), outcome },
  issued: (date: string): ClockEvent => ({ type: 'licence_issued', at: at(date, '17:30') }),
}

type ViewOptions = Partial<Omit<ClockInput, 'events' | 'now' | 'calendar'>>

/** The view at noon on `today`; promised 10 and statutory 20 working days unless given. */
export function viewAt(
  list: readonly ClockEvent[],
  today: string,
  options: ViewOptions = {},
): ClockView {
  const result = computeClock({
    events: list,
    now: noon(today),
    calendar,
    promisedDays: 10,
    statutoryDays: 20,
    ...options,
  })
  if (!result.ok) throw new Error(`clock refused: ${result.refusal.code}`)
  return result.view
}
