import { describe, expect, it } from 'vitest'
import { computeRectificationClock } from './rectification-clock.js'
import { calendar, events as e, known, noon, notLoaded, viewAt } from './sla-test-support.js'

// Joint handling (45 working days) accepted 2026-12-01 is due in 2027, which is not loaded.
const joint = [e.received('2026-12-01'), e.accepted('2026-12-01')]
const limits = { promisedDays: 20, statutoryDays: 45 }

describe('beyond the loaded calendar', () => {
  it('reports the deadline as unknown but the progress so far as known', () => {
    const view = viewAt(joint, '2026-12-10', limits)
    expect(view.promised?.deadline).toEqual(known('2026-12-29'))
    expect(view.statutory).toEqual({
      limitDays: 45,
      deadline: notLoaded(2027),
      usedDays: 7,
      remainingDays: 38,
      shareUsed: 7 / 45,
      state: 'green',
      onTime: null,
      missingYear: 2027,
    })
    expect(view.state).toBe('green')
  })

  it('turns unknown once today itself is in an unloaded year', () => {
    const view = viewAt(joint, '2027-01-05', limits)
    expect(view.statutory).toMatchObject({ state: 'unknown', usedDays: null, missingYear: 2027 })
    expect(view.state).toBe('unknown')
  })

  it('judges a notice against a notice deadline that falls in 2027', () => {
    const list = [e.received('2026-12-28'), e.notified('2026-12-30')]
    const view = viewAt(list, '2026-12-31')
    expect(view.correctionNotice).toEqual({ deadline: notLoaded(2027), notices: 1, met: true })
    expect(view.acceptance).toEqual({ status: 'pending' })
  })

  it('cannot tell whether a January 2027 response was late', () => {
    const view = viewAt([e.received('2026-12-28')], '2027-01-08')
    expect(view.acceptance).toEqual({ status: 'unknown', missingYear: 2027 })
    expect(view.state).toBe('unknown')
  })

  it('leaves a 差评 close deadline in 2027 unknown while respond is known', () => {
    const result = computeRectificationClock({
      order: { ratedAt: '2026-12-25T09:00:00+08:00' },
      calendar,
      now: noon('2026-12-25'),
    })
    expect(result.ok && result.view.respond.deadline).toEqual(known('2026-12-28'))
    expect(result.ok && result.view.close.deadline).toEqual(notLoaded(2027))
  })
})
