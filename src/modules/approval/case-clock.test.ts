import { describe, expect, it } from 'vitest'
import { clockEventsOf } from './case-clock.js'
import type { CaseAction } from './case-status.js'
import type { EngineEvent } from './engine/index.js'

const RECEIVED = '2026-03-02T01:00:00.000Z'
const SAME_INSTANT = '2026-03-09T02:00:00.000Z'

describe('clockEventsOf', () => {
  it('puts a licence issued in the same millisecond as the decision after the decision', () => {
    const engine = [
      {
        type: 'task_completed',
        at: SAME_INSTANT,
        taskId: 't1',
        by: 's',
        approved: true,
        variables: {},
      },
      { type: 'instance_completed', at: SAME_INSTANT, endNodeIds: ['end'] },
    ] as EngineEvent[]
    const caseActions: CaseAction[] = [
      { type: 'case.submitted', at: RECEIVED },
      { type: 'case.licence_issued', at: SAME_INSTANT, licenceId: 'l1', identifier: 'x' },
    ]
    expect(clockEventsOf(engine, caseActions)?.map((e) => e.type)).toEqual([
      'received',
      'accepted',
      'decided',
      'licence_issued',
    ])
  })
})
