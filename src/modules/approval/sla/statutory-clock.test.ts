import { describe, expect, it } from 'vitest'
import { computeClock, DECISION_LIMITS } from './statutory-clock.js'
import { calendar, events as e, known, noon, viewAt } from './sla-test-support.js'

// Accepted on the eve of the 2025 National Day / Mid-Autumn break (10-01…10-08 off, 10-11 调休).
const national = [e.received('2025-09-29'), e.accepted('2025-09-30')]

describe('deadlines', () => {
  it('counts from the working day after acceptance, across National Day and its make-up Saturday', () => {
    const view = viewAt(national, '2025-10-09')
    expect(view.acceptance).toEqual({ status: 'accepted', on: '2025-09-30' })
    expect(view.promised?.deadline).toEqual(known('2025-10-21'))
    expect(view.statutory?.deadline).toEqual(known('2025-11-04'))
    expect(view.statutory).toMatchObject({ usedDays: 1, remainingDays: 19, state: 'green' })
  })

  it('uses nothing during the holiday itself', () => {
    expect(viewAt(national, '2025-10-08').promised).toMatchObject({
      usedDays: 0,
      remainingDays: 10,
    })
  })

  it('maps instants to Asia/Shanghai dates', () => {
    const late = [
      e.received('2025-09-29'),
      { type: 'accepted', at: '2025-09-29T16:30:00Z' } as const,
    ]
    expect(viewAt(late, '2025-10-09').acceptance).toEqual({ status: 'accepted', on: '2025-09-30' })
  })
})

describe('warning states', () => {
  it('stays green below 80 % and turns amber at exactly 80 %', () => {
    expect(viewAt(national, '2025-10-16').promised).toMatchObject({ usedDays: 7, state: 'green' })
    const amber = viewAt(national, '2025-10-17')
    expect(amber.promised).toMatchObject({ usedDays: 8, shareUsed: 0.8, remainingDays: 2 })
    expect(amber.promised?.state).toBe('amber')
    expect(amber.state).toBe('amber')
  })

  it('applies the same boundary to the 20-day statutory limit', () => {
    expect(viewAt(national, '2025-10-28').statutory).toMatchObject({ usedDays: 15, state: 'green' })
    expect(viewAt(national, '2025-10-29').statutory).toMatchObject({ usedDays: 16, state: 'amber' })
  })

  it('is amber with 0 days left on the deadline and red the next working day', () => {
    expect(viewAt(national, '2025-10-21').promised).toMatchObject({
      remainingDays: 0,
      state: 'amber',
    })
    const overdue = viewAt(national, '2025-10-22')
    expect(overdue.promised).toMatchObject({ usedDays: 11, remainingDays: -1, state: 'red' })
    expect(overdue.state).toBe('red')
  })

  it('is red on the weekend after a Friday deadline, with 0 working days left', () => {
    const view = viewAt(national, '2025-10-18', { promisedDays: 8 })
    expect(view.promised?.deadline).toEqual(known('2025-10-17'))
    expect(view.promised).toMatchObject({ remainingDays: 0, state: 'red' })
  })
})

describe('decisions and licences', () => {
  it('stops the clock and records a decision on the promised deadline as on time', () => {
    const view = viewAt([...national, e.decided('2025-10-21')], '2025-10-23')
    expect(view.state).toBe('stopped')
    expect(view.decidedOn).toBe('2025-10-21')
    expect(view.decidedOnTime).toEqual({ promised: true, statutory: true })
    expect(view.promised).toMatchObject({ usedDays: 10, state: 'stopped', onTime: true })
  })

  it('records a decision one working day late against the promise only', () => {
    const view = viewAt([...national, e.decided('2025-10-22')], '2025-11-20')
    expect(view.decidedOnTime).toEqual({ promised: false, statutory: true })
    expect(view.promised?.remainingDays).toBe(-1)
  })

  it('gives the licence 10 working days from the decision', () => {
    const decided = [...national, e.decided('2025-10-21')]
    const pending = viewAt(decided, '2025-10-23')
    expect(pending.licence).toMatchObject({ deadline: known('2025-11-04'), state: 'green' })
    const issued = viewAt([...decided, e.issued('2025-10-24')], '2025-11-20')
    expect(issued.licence).toMatchObject({ state: 'stopped', onTime: true, usedDays: 3 })
    expect(viewAt(decided, '2025-11-05').licence).toMatchObject({ state: 'red', remainingDays: -1 })
  })

  it('starts no licence clock after a refusal', () => {
    expect(
      viewAt([...national, e.decided('2025-10-21', 'refused')], '2025-10-23').licence,
    ).toBeNull()
  })
})

describe('extensions', () => {
  it('adds an approved 10-day extension to the statutory limit only', () => {
    const view = viewAt([...national, e.extended('2025-10-30', 10)], '2025-11-05', {
      maxExtensionDays: DECISION_LIMITS.single.extensionDays,
    })
    expect(view.extensionDays).toBe(10)
    expect(view.statutory).toMatchObject({ limitDays: 30, deadline: known('2025-11-18') })
    expect(view.statutory?.state).toBe('green')
    expect(view.promised).toMatchObject({ deadline: known('2025-10-21'), state: 'red' })
  })

  it('extends joint handling from 45 to 60 working days', () => {
    const { days, extensionDays } = DECISION_LIMITS.joint
    const view = viewAt([...national, e.extended('2025-12-01', extensionDays)], '2025-12-02', {
      promisedDays: 30,
      statutoryDays: days,
    })
    expect(view.statutory?.deadline).toEqual(known('2025-12-30'))
  })

  it('refuses a second extension and one longer than allowed', () => {
    const twice = [...national, e.extended('2025-10-30', 5), e.extended('2025-10-31', 5)]
    const run = (list: typeof twice, max?: number) =>
      computeClock({
        events: list,
        now: noon('2025-11-05'),
        calendar,
        promisedDays: 10,
        statutoryDays: 20,
        ...(max === undefined ? {} : { maxExtensionDays: max }),
      })
    expect(run(twice)).toEqual({
      ok: false,
      refusal: { code: 'extension_repeated', eventIndex: 3 },
    })
    const tooLong = [...national, e.extended('2025-10-30', 11)]
    expect(run(tooLong, 10)).toEqual({
      ok: false,
      refusal: { code: 'extension_too_long', eventIndex: 2 },
    })
  })
})

describe('0-day limits (即办件)', () => {
  const immediate = { promisedDays: 0, statutoryDays: 0 }

  it('is due the same working day and amber until decided', () => {
    const list = [e.received('2025-10-09'), e.accepted('2025-10-09')]
    const view = viewAt(list, '2025-10-09', immediate)
    expect(view.promised).toMatchObject({ deadline: known('2025-10-09'), state: 'amber' })
    expect(view.promised).toMatchObject({ usedDays: 0, remainingDays: 0, shareUsed: null })
    expect(viewAt(list, '2025-10-10', immediate).state).toBe('red')
  })

  it('judges a same-day decision on time and a next-day one late', () => {
    const list = [e.received('2025-10-09'), e.accepted('2025-10-09')]
    const sameDay = viewAt([...list, e.decided('2025-10-09')], '2025-10-13', immediate)
    expect(sameDay.decidedOnTime).toEqual({ promised: true, statutory: true })
    const nextDay = viewAt([...list, e.decided('2025-10-10')], '2025-10-13', immediate)
    expect(nextDay.decidedOnTime).toEqual({ promised: false, statutory: false })
  })

  it('is due the first working day after an acceptance on a holiday', () => {
    const list = [e.received('2025-10-03'), e.accepted('2025-10-03')]
    const view = viewAt(list, '2025-10-05', immediate)
    expect(view.promised).toMatchObject({ deadline: known('2025-10-09'), remainingDays: 1 })
  })
})

describe('input limits', () => {
  it('refuses negative or fractional limits and a promise longer than the law allows', () => {
    const run = (promisedDays: number, statutoryDays: number) =>
      computeClock({
        events: national,
        now: noon('2025-10-09'),
        calendar,
        promisedDays,
        statutoryDays,
      })
    expect(run(-1, 20)).toEqual({ ok: false, refusal: { code: 'invalid_limit_days' } })
    expect(run(2.5, 20)).toEqual({ ok: false, refusal: { code: 'invalid_limit_days' } })
    expect(run(25, 20)).toEqual({ ok: false, refusal: { code: 'promised_exceeds_statutory' } })
  })
})
