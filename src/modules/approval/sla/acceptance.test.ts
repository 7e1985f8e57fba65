import { describe, expect, it } from 'vitest'
import { computeClock } from './statutory-clock.js'
import { calendar, events as e, known, noon, viewAt } from './sla-test-support.js'

// Received Wednesday 2026-01-28: the 5th working day after it is 2026-02-04.
const received = e.received('2026-01-28')

describe('correction notice within 5 working days of receipt', () => {
  it('keeps the real acceptance date when the notice comes on the 5th working day', () => {
    const list = [
      received,
      e.notified('2026-02-04'),
      e.resubmitted('2026-02-10'),
      e.accepted('2026-02-11'),
    ]
    const view = viewAt(list, '2026-02-24')
    expect(view.correctionNotice).toEqual({ deadline: known('2026-02-04'), notices: 1, met: true })
    expect(view.acceptance).toEqual({ status: 'accepted', on: '2026-02-11' })
    // 02-12, 02-13, 02-14 (调休 Saturday), then nothing until 02-24 after Spring Festival.
    expect(view.statutory).toMatchObject({ usedDays: 4, deadline: known('2026-03-17') })
    expect(view.promised?.deadline).toEqual(known('2026-03-03'))
    // The wait before acceptance is not a pause: the clock had not started.
    expect(view.pausedDays).toEqual({
      known: true,
      value: { total: 0, byReason: { correction: 0 }, open: [] },
    })
  })

  it('deems the application accepted on receipt when the notice comes on the 6th', () => {
    const list = [
      received,
      e.notified('2026-02-05'),
      e.resubmitted('2026-02-10'),
      e.accepted('2026-02-11'),
    ]
    const view = viewAt(list, '2026-02-24')
    expect(view.correctionNotice.met).toBe(false)
    expect(view.acceptance).toEqual({
      status: 'deemed',
      on: '2026-01-28',
      because: 'correction_notice_late',
    })
    // The clock ran from receipt; the wait for the correction (02-06, 02-09, 02-10) is paused.
    expect(view.pausedDays).toMatchObject({ known: true, value: { total: 3 } })
    expect(view.statutory?.deadline).toEqual(known('2026-03-06'))
    // 10 + 3 paused working days lands on the 调休 Saturday before Spring Festival.
    expect(view.promised?.deadline).toEqual(known('2026-02-14'))
  })

  it('judges every notice before acceptance, not only the first', () => {
    const list = [
      received,
      e.notified('2026-01-29'),
      e.resubmitted('2026-01-30'),
      e.notified('2026-02-05'),
    ]
    const view = viewAt(list, '2026-02-06')
    expect(view.correctionNotice).toMatchObject({ notices: 2, met: false })
    expect(view.acceptance).toMatchObject({ status: 'deemed', because: 'correction_notice_late' })
    expect(view.pausedDays).toMatchObject({ value: { open: ['correction'] } })
  })
})

describe('no response at all', () => {
  const quiet = [e.received('2025-09-29')]

  it('waits, not started, until the 5th working day has passed', () => {
    const view = viewAt(quiet, '2025-10-13')
    expect(view.correctionNotice.deadline).toEqual(known('2025-10-13'))
    expect(view.acceptance).toEqual({ status: 'pending' })
    expect(view).toMatchObject({ state: 'not_started', promised: null, statutory: null })
  })

  it('counts as accepted on receipt from the day after', () => {
    const view = viewAt(quiet, '2025-10-14')
    expect(view.acceptance).toEqual({
      status: 'deemed',
      on: '2025-09-29',
      because: 'no_response_in_time',
    })
    expect(view.statutory).toMatchObject({ usedDays: 6, deadline: known('2025-11-03') })
  })

  it('deems a late acceptance without any notice to date from receipt too', () => {
    const view = viewAt([...quiet, e.accepted('2025-10-14')], '2025-10-14')
    expect(view.acceptance).toMatchObject({ status: 'deemed', because: 'no_response_in_time' })
  })

  it('stays pending while a timely correction is awaited', () => {
    const view = viewAt([...quiet, e.notified('2025-09-30')], '2025-11-20')
    expect(view.acceptance).toEqual({ status: 'pending' })
    expect(view.state).toBe('not_started')
  })
})

describe('receipt on a non-working day', () => {
  it('starts both the notice period and a deemed clock on the first working day after', () => {
    const view = viewAt([e.received('2025-10-03')], '2025-10-15')
    expect(view.correctionNotice.deadline).toEqual(known('2025-10-14'))
    expect(view.acceptance).toMatchObject({ status: 'deemed', on: '2025-10-03' })
    expect(view.statutory?.deadline).toEqual(known('2025-11-04'))
  })
})

it('refuses a decision before the application was accepted', () => {
  const result = computeClock({
    events: [e.received('2025-10-09'), e.decided('2025-10-10')],
    now: noon('2025-10-13'),
    calendar,
    promisedDays: 0,
    statutoryDays: 20,
  })
  expect(result).toEqual({ ok: false, refusal: { code: 'decision_before_acceptance' } })
})
