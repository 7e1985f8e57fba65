import { describe, expect, it } from 'vitest'
import type { ClockEvent } from './clock-events.js'
import { computeClock } from './statutory-clock.js'
import { at, calendar, events as e, noon, viewAt } from './sla-test-support.js'

const refusalOf = (events: readonly ClockEvent[], today = '2025-11-28') => {
  const result = computeClock({
    events,
    now: noon(today),
    calendar,
    promisedDays: 10,
    statutoryDays: 20,
  })
  return result.ok ? undefined : result.refusal
}

const start = [e.received('2025-09-29'), e.accepted('2025-09-30')]

describe('event order', () => {
  it('refuses events out of chronological order, naming the first offender', () => {
    const list = [e.received('2025-09-30'), e.accepted('2025-09-29')]
    expect(refusalOf(list)).toEqual({ code: 'events_out_of_order', eventIndex: 1 })
  })

  it('accepts events sharing one instant in list order', () => {
    const same = at('2025-10-09')
    const list: ClockEvent[] = [
      { type: 'received', at: same },
      { type: 'accepted', at: same },
    ]
    expect(viewAt(list, '2025-10-09').acceptance).toEqual({ status: 'accepted', on: '2025-10-09' })
  })

  it('compares instants, not strings, across offsets', () => {
    const list: ClockEvent[] = [
      { type: 'received', at: '2025-10-09T09:00:00+08:00' },
      { type: 'accepted', at: '2025-10-09T01:30:00Z' },
    ]
    expect(refusalOf(list)).toBeUndefined()
  })

  it('refuses a now earlier than the last event', () => {
    expect(refusalOf(start, '2025-09-29')).toEqual({ code: 'now_before_last_event' })
  })
})

describe('event shape', () => {
  it('requires the receipt first and only once', () => {
    expect(refusalOf([])).toEqual({ code: 'receipt_missing' })
    expect(refusalOf([e.accepted('2025-09-30')])).toEqual({ code: 'receipt_missing' })
    expect(refusalOf([...start, e.received('2025-10-09')])).toEqual({
      code: 'receipt_repeated',
      eventIndex: 2,
    })
  })

  it.each([
    ['2025-10-09T10:00:00', 'no offset'],
    ['2025-02-30T10:00:00+08:00', 'no such day'],
    ['yesterday', 'not an instant'],
  ])('refuses the instant %s (%s)', (instant) => {
    const list: ClockEvent[] = [{ type: 'received', at: instant }]
    expect(refusalOf(list)).toEqual({ code: 'invalid_instant', eventIndex: 0 })
  })

  it('refuses an unknown event type or procedure kind read from storage', () => {
    const odd = JSON.parse('{"type":"paused","at":"2025-10-09T10:00:00+08:00"}') as ClockEvent
    expect(refusalOf([...start, odd])).toEqual({ code: 'unknown_event', eventIndex: 2 })
    const kind = JSON.parse(
      '{"type":"special_procedure_started","at":"2025-10-09T10:00:00+08:00","kind":"lunch"}',
    ) as ClockEvent
    expect(refusalOf([...start, kind])).toEqual({ code: 'unknown_event', eventIndex: 2 })
  })

  it('refuses an extension that is not a positive whole number of days', () => {
    expect(refusalOf([...start, e.extended('2025-10-09', 0)])).toEqual({
      code: 'invalid_extension_days',
      eventIndex: 2,
    })
  })
})

describe('pairing', () => {
  it.each([
    ['correction_not_open', [e.resubmitted('2025-10-09')]],
    ['correction_already_open', [e.notified('2025-10-09'), e.notified('2025-10-10')]],
    ['procedure_not_open', [e.ended('2025-10-09', 'hearing')]],
    [
      'procedure_already_open',
      [e.started('2025-10-09', 'testing'), e.started('2025-10-10', 'testing')],
    ],
    ['acceptance_repeated', [e.accepted('2025-10-09')]],
  ])('refuses %s', (code, more) => {
    expect(refusalOf([...start, ...more])?.code).toBe(code)
  })

  it('refuses an acceptance while a correction is awaited', () => {
    const list = [e.received('2025-09-29'), e.notified('2025-09-30'), e.accepted('2025-10-09')]
    expect(refusalOf(list)).toEqual({ code: 'acceptance_during_correction', eventIndex: 2 })
  })
})

describe('after the decision', () => {
  const decided = [...start, e.decided('2025-10-20')]

  it('refuses a decision while a pause is open', () => {
    const list = [...start, e.started('2025-10-13', 'inspection'), e.decided('2025-10-20')]
    expect(refusalOf(list)).toEqual({ code: 'pause_open_at_decision', eventIndex: 3 })
  })

  it('refuses a second decision and clock events after it', () => {
    expect(refusalOf([...decided, e.decided('2025-10-21')])?.code).toBe('decision_repeated')
    expect(refusalOf([...decided, e.extended('2025-10-21', 10)])?.code).toBe('event_after_decision')
  })

  it('checks the licence against the decision', () => {
    expect(refusalOf([...start, e.issued('2025-10-20')])?.code).toBe('licence_before_decision')
    const refused = [...start, e.decided('2025-10-20', 'refused'), e.issued('2025-10-21')]
    expect(refusalOf(refused)?.code).toBe('licence_after_refusal')
    const twice = [...decided, e.issued('2025-10-21'), e.issued('2025-10-22')]
    expect(refusalOf(twice)).toEqual({ code: 'licence_repeated', eventIndex: 4 })
  })
})
