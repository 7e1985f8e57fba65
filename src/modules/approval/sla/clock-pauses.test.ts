import { describe, expect, it } from 'vitest'
import { events as e, known, viewAt } from './sla-test-support.js'

const national = [e.received('2025-09-29'), e.accepted('2025-09-30')]

describe('correction waits after acceptance', () => {
  it('pauses across the 2026 Spring Festival, counting only its working days', () => {
    const list = [
      e.received('2026-02-05'),
      e.accepted('2026-02-05'),
      e.notified('2026-02-12'),
      e.resubmitted('2026-02-25'),
    ]
    const view = viewAt(list, '2026-02-26')
    // Paused: 02-13, the 调休 Saturday 02-14, 02-24 and 02-25.
    expect(view.pausedDays).toEqual({
      known: true,
      value: { total: 4, byReason: { correction: 4 }, open: [] },
    })
    expect(view.statutory?.deadline).toEqual(known('2026-03-17'))
    expect(view.promised?.deadline).toEqual(known('2026-03-03'))
    expect(view.promised).toMatchObject({ usedDays: 6, remainingDays: 4 })
  })

  it('pauses nothing when the whole wait falls inside a holiday', () => {
    const list = [...national, e.notified('2025-09-30'), e.resubmitted('2025-10-08')]
    const view = viewAt(list, '2025-10-09')
    expect(view.pausedDays).toMatchObject({ value: { total: 0 } })
    expect(view.statutory?.deadline).toEqual(known('2025-11-04'))
  })
})

describe('special procedures (第四十五条)', () => {
  it('adds the working days of an expert review to both deadlines', () => {
    const list = [
      ...national,
      e.started('2025-10-13', 'expert_review'),
      e.ended('2025-10-17', 'expert_review'),
    ]
    const view = viewAt(list, '2025-10-20')
    expect(view.pausedDays).toMatchObject({ value: { total: 4, byReason: { expert_review: 4 } } })
    expect(view.statutory?.deadline).toEqual(known('2025-11-10'))
    expect(view.promised?.deadline).toEqual(known('2025-10-27'))
  })

  it('counts a day covered by two overlapping procedures once', () => {
    const list = [
      ...national,
      e.started('2025-10-13', 'hearing'),
      e.started('2025-10-15', 'testing'),
      e.ended('2025-10-17', 'hearing'),
      e.ended('2025-10-20', 'testing'),
    ]
    const view = viewAt(list, '2025-10-21')
    expect(view.pausedDays).toEqual({
      known: true,
      value: { total: 5, byReason: { hearing: 4, testing: 3 }, open: [] },
    })
    expect(view.statutory?.deadline).toEqual(known('2025-11-11'))
  })

  it('counts a pause still open at now through today and moves the deadline each day', () => {
    const list = [...national, e.started('2025-10-13', 'inspection')]
    const view = viewAt(list, '2025-10-16')
    expect(view.pausedDays).toMatchObject({ value: { total: 3, open: ['inspection'] } })
    expect(view.statutory).toMatchObject({ usedDays: 4, remainingDays: 16 })
    expect(view.statutory?.deadline).toEqual(known('2025-11-07'))
    expect(viewAt(list, '2025-10-17').statutory?.deadline).toEqual(known('2025-11-10'))
  })

  it('does not rescue a limit already missed when the pause starts', () => {
    const list = [...national, e.started('2025-10-23', 'announcement')]
    const view = viewAt(list, '2025-10-24')
    expect(view.promised).toMatchObject({ deadline: known('2025-10-21'), state: 'red' })
    expect(view.promised).toMatchObject({ usedDays: 13, remainingDays: -3 })
    expect(view.statutory).toMatchObject({ deadline: known('2025-11-05'), usedDays: 12 })
  })
})
