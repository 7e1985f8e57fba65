import { describe, expect, it } from 'vitest'
import {
  computeRectificationClock,
  DEFAULT_RECTIFICATION_LIMITS,
  type RectificationInput,
  type RectificationOrder,
} from './rectification-clock.js'
import { at, calendar, known, noon } from './sla-test-support.js'

// A bad rating on the last working day before the 2025 National Day break.
const rated: RectificationOrder = { ratedAt: at('2025-09-30', '15:00') }

const viewOf = (
  order: RectificationOrder,
  today: string,
  limits?: RectificationInput['limits'],
) => {
  const result = computeRectificationClock({
    order,
    calendar,
    now: noon(today),
    ...(limits === undefined ? {} : { limits }),
  })
  if (!result.ok) throw new Error(`refused: ${result.refusal.code}`)
  return result.view
}

describe('rectification work order', () => {
  it('defaults to respond in 1, rectify in 5 and close in 15 working days', () => {
    expect(DEFAULT_RECTIFICATION_LIMITS).toEqual({ respondDays: 1, rectifyDays: 5, closeDays: 15 })
    const view = viewOf(rated, '2025-10-08')
    expect(view.respond.deadline).toEqual(known('2025-10-09'))
    expect(view.rectify.deadline).toEqual(known('2025-10-14'))
    expect(view.close.deadline).toEqual(known('2025-10-28'))
    expect(view.state).toBe('green')
  })

  it('is amber on the response day and red the day after without a response', () => {
    const dueDay = viewOf(rated, '2025-10-09')
    expect(dueDay.respond).toMatchObject({ state: 'amber', remainingDays: 0 })
    expect(dueDay.state).toBe('amber')
    expect(viewOf(rated, '2025-10-10').respond).toMatchObject({ state: 'red', remainingDays: -1 })
  })

  it('turns the rectify step amber at 4 of 5 working days', () => {
    const responded = { ...rated, respondedAt: at('2025-10-09') }
    expect(viewOf(responded, '2025-10-11').rectify).toMatchObject({ usedDays: 3, state: 'green' })
    const amber = viewOf(responded, '2025-10-13')
    expect(amber.rectify).toMatchObject({ usedDays: 4, state: 'amber' })
    expect(amber.respond).toMatchObject({ state: 'stopped', onTime: true })
    expect(amber.state).toBe('amber')
  })

  it('stops every step on closing, a close without a separate rectification included', () => {
    const closed = { ...rated, respondedAt: at('2025-10-09'), closedAt: at('2025-10-27') }
    const view = viewOf(closed, '2025-11-20')
    expect(view.state).toBe('stopped')
    expect(view.rectify).toMatchObject({ state: 'stopped', onTime: false })
    expect(view.close).toMatchObject({ state: 'stopped', onTime: true })
  })

  it('takes configured limits, keeping defaults for the rest', () => {
    const view = viewOf(rated, '2025-10-09', { closeDays: 10 })
    expect(view.close.deadline).toEqual(known('2025-10-21'))
    expect(view.respond.deadline).toEqual(known('2025-10-09'))
  })
})

describe('refusals', () => {
  const refusalOf = (order: RectificationOrder, limits?: RectificationInput['limits']) => {
    const result = computeRectificationClock({
      order,
      calendar,
      now: noon('2025-11-20'),
      ...(limits === undefined ? {} : { limits }),
    })
    return result.ok ? undefined : result.refusal
  }

  it('refuses steps out of order and malformed instants', () => {
    expect(refusalOf({ ...rated, respondedAt: at('2025-09-29') })).toEqual({
      code: 'steps_out_of_order',
      field: 'respondedAt',
    })
    expect(refusalOf({ ratedAt: '2025-09-30 15:00' })).toEqual({
      code: 'invalid_instant',
      field: 'ratedAt',
    })
  })

  it('refuses a step after now and negative limits', () => {
    expect(refusalOf({ ...rated, closedAt: at('2025-12-01') })).toEqual({
      code: 'now_before_last_step',
    })
    expect(refusalOf(rated, { rectifyDays: -1 })).toEqual({ code: 'invalid_limit_days' })
  })
})
