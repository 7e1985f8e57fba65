import { describe, expect, it } from 'vitest'
import type { ClockEvent } from './clock-events.js'
import { escalations, onTimeRate, type SlaCase } from './sla-summary.js'
import { events as e, noon, viewAt } from './sla-test-support.js'

const start = [e.received('2025-09-29'), e.accepted('2025-09-30')]

const slaCase = (
  caseId: string,
  departmentId: string,
  itemCode: string,
  list: readonly ClockEvent[],
  today: string,
): SlaCase => ({ caseId, departmentId, itemCode, view: viewAt(list, today) })

describe('onTimeRate', () => {
  const cases = [
    // On time for both limits (promised due 10-21, statutory 11-04).
    slaCase('c1', 'dept-a', 'item-1', [...start, e.decided('2025-10-21')], '2025-11-20'),
    // Late against the promise only.
    slaCase('c2', 'dept-a', 'item-2', [...start, e.decided('2025-10-22')], '2025-11-20'),
    // Late against both.
    slaCase('c3', 'dept-b', 'item-1', [...start, e.decided('2025-11-05')], '2025-11-20'),
    // Still running: not counted.
    slaCase('c4', 'dept-b', 'item-1', start, '2025-10-20'),
  ]

  it('gives per-department shares of decided cases within each limit', () => {
    expect(onTimeRate(cases).byDepartment).toEqual([
      {
        key: 'dept-a',
        decided: 2,
        withinPromised: 1,
        withinStatutory: 2,
        unknown: 0,
        promisedRate: 0.5,
        statutoryRate: 1,
      },
      {
        key: 'dept-b',
        decided: 1,
        withinPromised: 0,
        withinStatutory: 0,
        unknown: 0,
        promisedRate: 0,
        statutoryRate: 0,
      },
    ])
  })

  it('gives per-item counts too', () => {
    const byItem = onTimeRate(cases).byItem
    expect(byItem.map((r) => [r.key, r.decided, r.withinPromised, r.withinStatutory])).toEqual([
      ['item-1', 2, 1, 1],
      ['item-2', 1, 0, 1],
    ])
  })

  it('returns empty lists with nothing decided', () => {
    expect(onTimeRate([])).toEqual({ byDepartment: [], byItem: [] })
  })
})

describe('escalations', () => {
  const today = '2025-10-22'
  const cases = [
    slaCase('green', 'dept-a', 'item-1', start, '2025-10-13'),
    // Promised due 10-21 (red on 10-22); statutory 12 of 20 used (green).
    slaCase('late', 'dept-a', 'item-1', start, today),
    // Accepted 10-09: 10 of 10 promised days used on 10-22 (amber).
    slaCase('due', 'dept-b', 'item-2', [e.received('2025-10-09'), e.accepted('2025-10-09')], today),
    // Licence due 10 working days after 2025-10-09 (10-22): amber, not red.
    slaCase('licence', 'dept-b', 'item-2', [...start, e.decided('2025-10-09')], today),
  ]

  it('escalates breaches first and warns from 80 %, skipping views of another day', () => {
    const report = escalations(cases, noon(today))
    expect(report.raisedOn).toBe(today)
    expect(report.stale).toEqual(['green'])
    expect(report.unknown).toEqual([])
    expect(report.escalations.map((x) => [x.caseId, x.limit, x.level, x.remainingDays])).toEqual([
      ['late', 'promised', 'escalate', -1],
      ['due', 'promised', 'warn', 0],
      ['licence', 'licence', 'warn', 0],
    ])
    expect(report.escalations[0]).toMatchObject({ departmentId: 'dept-a', deadline: '2025-10-21' })
  })

  it('lists cases whose clock the calendar cannot judge', () => {
    const unknown = slaCase('y2027', 'dept-a', 'item-1', start, '2027-01-05')
    expect(escalations([unknown], noon('2027-01-05')).unknown).toEqual(['y2027'])
  })
})
