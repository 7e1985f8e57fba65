import { describe, expect, it } from 'vitest'
import {
  compile,
  end,
  flow,
  gateway,
  Harness,
  processXml,
  start,
  userTask,
  type UserTaskOptions,
} from './engine-test-support.js'

function signXml(mi: UserTaskOptions['mi']): string {
  return processXml(
    start(),
    userTask('sign', { mi }),
    gateway('exclusive', 'g', 'g_no'),
    end('yes'),
    end('no'),
    flow('start', 'sign'),
    flow('sign', 'g'),
    flow('g', 'yes', 'approved = true'),
    flow('g', 'no', undefined, 'g_no'),
  )
}

async function started(mi: UserTaskOptions['mi'], signers = ['a', 'b', 'c']): Promise<Harness> {
  const h = new Harness(await compile(signXml(mi)))
  h.run({ type: 'start', variables: { signers } })
  return h
}

function decide(h: Harness, signer: string, approved: boolean): void {
  const task = h.openTasks('sign').find((t) => t.assignee === signer)
  if (task === undefined) throw new Error(`no open task for ${signer}`)
  h.run({ type: 'complete', taskId: task.id, actorId: signer, approved })
}

const all = { collection: 'signers' }
const twoThirds = { collection: 'signers', condition: 'nrOfApprovals / nrOfInstances >= 2/3' }
const anyOne = { collection: 'signers', condition: 'nrOfApprovals >= 1' }
const sequential = { collection: 'signers', sequential: true }

describe('会签 (all must sign)', () => {
  it('opens one task per signer and approves when all approve', async () => {
    const h = await started(all)
    expect(h.openTasks('sign').map((t) => t.assignee)).toEqual(['a', 'b', 'c'])
    decide(h, 'b', true)
    decide(h, 'a', true)
    expect(h.state.status).toBe('running')
    decide(h, 'c', true)
    expect(h.state.variables.approved).toBe(true)
    expect(h.state.endNodeIds).toEqual(['yes'])
  })

  it('waits for everyone even after a rejection, then rejects', async () => {
    const h = await started(all)
    decide(h, 'a', false)
    expect(h.openTasks('sign')).toHaveLength(2)
    decide(h, 'b', true)
    decide(h, 'c', true)
    expect(h.state.variables.approved).toBe(false)
    expect(h.state.endNodeIds).toEqual(['no'])
  })

  it('requires a decision from each signer', async () => {
    const h = await started(all)
    const task = h.openTasks('sign')[0]!
    expect(h.refuse({ type: 'complete', taskId: task.id, actorId: 'a' })).toBe('approval_required')
  })

  it('raises an incident when the collection is not a list of staff ids', async () => {
    const h = await started(all, [])
    expect(Object.values(h.state.incidents)).toMatchObject([
      { nodeId: 'sign', reason: 'collection_invalid', retry: 'enter' },
    ])
    const incidentId = Object.keys(h.state.incidents)[0]!
    h.run({ type: 'setVariables', actorId: 'admin', variables: { signers: ['x'] } })
    h.run({ type: 'retryIncident', incidentId, actorId: 'admin' })
    expect(h.openTasks('sign').map((t) => t.assignee)).toEqual(['x'])
  })
})

describe('ratio and 或签', () => {
  it('completes at 2 of 3 approvals and cancels the remaining instance', async () => {
    const h = await started(twoThirds)
    decide(h, 'a', true)
    expect(h.state.status).toBe('running')
    decide(h, 'c', true)
    expect(
      h.events.some((e) => e.type === 'task_cancelled' && e.reason === 'completion_condition'),
    ).toBe(true)
    expect(h.openTasks()).toHaveLength(0)
    expect(h.state.variables.approved).toBe(true)
    expect(h.state.endNodeIds).toEqual(['yes'])
  })

  it('rejects when everyone decided and the ratio was not reached', async () => {
    const h = await started(twoThirds)
    decide(h, 'a', true)
    decide(h, 'b', false)
    decide(h, 'c', false)
    expect(h.state.variables.approved).toBe(false)
    expect(h.state.endNodeIds).toEqual(['no'])
  })

  it('或签: the first approval decides', async () => {
    const h = await started(anyOne)
    decide(h, 'b', false)
    expect(h.openTasks('sign')).toHaveLength(2)
    decide(h, 'c', true)
    expect(h.state.endNodeIds).toEqual(['yes'])
    const group = Object.values(h.state.groups)[0]
    expect(group).toMatchObject({ status: 'completed', approved: true })
  })
})

describe('依次审批 (sequential)', () => {
  it('opens one signer at a time in list order and approves when all approve', async () => {
    const h = await started(sequential)
    for (const signer of ['a', 'b', 'c']) {
      expect(h.openTasks('sign').map((t) => t.assignee)).toEqual([signer])
      decide(h, signer, true)
    }
    expect(h.state.endNodeIds).toEqual(['yes'])
  })

  it('stops at the first rejection', async () => {
    const h = await started(sequential)
    decide(h, 'a', true)
    decide(h, 'b', false)
    expect(Object.values(h.state.tasks).map((t) => t.assignee)).toEqual(['a', 'b'])
    expect(h.state.variables.approved).toBe(false)
    expect(h.state.endNodeIds).toEqual(['no'])
  })

  it('lets a completion condition override the stop at a rejection', async () => {
    const h = await started({ ...sequential, condition: 'nrOfApprovals >= 2' })
    decide(h, 'a', false)
    decide(h, 'b', true)
    expect(h.state.status).toBe('running')
    decide(h, 'c', true)
    expect(h.state.endNodeIds).toEqual(['yes'])
  })
})
