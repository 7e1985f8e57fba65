import { describe, expect, it } from 'vitest'
import {
  compile,
  end,
  flow,
  Harness,
  processXml,
  start,
  userTask,
  type UserTaskOptions,
} from './engine-test-support.js'

async function started(o: UserTaskOptions, variables: Record<string, unknown>): Promise<Harness> {
  const xml = processXml(
    start(),
    userTask('sign', o),
    end(),
    flow('start', 'sign'),
    flow('sign', 'end'),
  )
  const h = new Harness(await compile(xml))
  h.run({ type: 'start', variables })
  return h
}

const taskOf = (h: Harness, assignee: string) => {
  const task = h.openTasks('sign').find((t) => t.assignee === assignee)
  if (task === undefined) throw new Error(`no open task for ${assignee}`)
  return task
}

const plain = () => started({ assignee: 'boss' }, { boss: 'wang' })
const parallel = () => started({ mi: { collection: 'signers' } }, { signers: ['a', 'b'] })
const sequential = () =>
  started({ mi: { collection: 'signers', sequential: true } }, { signers: ['a', 'b'] })

describe('加签 before', () => {
  it('lets the new signer decide first, then returns the task to its assignee', async () => {
    const h = await plain()
    const original = taskOf(h, 'wang')
    h.run({
      type: 'addSigner',
      taskId: original.id,
      actorId: 'wang',
      signer: 'li',
      position: 'before',
    })
    expect(h.state.tasks[original.id]?.status).toBe('suspended')
    expect(h.refuse({ type: 'complete', taskId: original.id, actorId: 'wang' })).toBe(
      'task_suspended',
    )
    const before = taskOf(h, 'li')
    expect(before.beforeOf).toBe(original.id)
    h.run({
      type: 'complete',
      taskId: before.id,
      actorId: 'li',
      approved: false,
      variables: { note: '同意，请复核' },
    })
    expect(h.state.tasks[original.id]?.status).toBe('open')
    expect(h.state.variables).toEqual({ boss: 'wang', note: '同意，请复核' })
    h.run({ type: 'complete', taskId: original.id, actorId: 'wang', approved: true })
    expect(h.state.status).toBe('completed')
    expect(h.state.variables.approved).toBe(true)
  })

  it('does not count the added signer in a multi-instance node', async () => {
    const h = await parallel()
    h.run({
      type: 'addSigner',
      taskId: taskOf(h, 'a').id,
      actorId: 'a',
      signer: 'x',
      position: 'before',
    })
    h.run({ type: 'complete', taskId: taskOf(h, 'x').id, actorId: 'x', approved: false })
    h.run({ type: 'complete', taskId: taskOf(h, 'a').id, actorId: 'a', approved: true })
    h.run({ type: 'complete', taskId: taskOf(h, 'b').id, actorId: 'b', approved: true })
    expect(h.state.variables.approved).toBe(true)
  })

  it('is refused to anyone but the assignee, and for oneself', async () => {
    const h = await plain()
    const taskId = taskOf(h, 'wang').id
    expect(
      h.refuse({ type: 'addSigner', taskId, actorId: 'li', signer: 'zhao', position: 'before' }),
    ).toBe('not_assignee')
    expect(
      h.refuse({ type: 'addSigner', taskId, actorId: 'wang', signer: 'wang', position: 'after' }),
    ).toBe('invalid_signer')
  })
})

describe('加签 after', () => {
  it('adds the next signer of a plain task', async () => {
    const h = await plain()
    h.run({
      type: 'addSigner',
      taskId: taskOf(h, 'wang').id,
      actorId: 'wang',
      signer: 'li',
      position: 'after',
    })
    h.run({ type: 'complete', taskId: taskOf(h, 'wang').id, actorId: 'wang', approved: true })
    expect(h.state.status).toBe('running')
    h.run({ type: 'complete', taskId: taskOf(h, 'li').id, actorId: 'li', approved: true })
    expect(h.state.status).toBe('completed')
  })

  it('inserts the signer right after the current one in a sequential node', async () => {
    const h = await sequential()
    h.run({
      type: 'addSigner',
      taskId: taskOf(h, 'a').id,
      actorId: 'a',
      signer: 'x',
      position: 'after',
    })
    expect(Object.values(h.state.groups)[0]?.entries.map((e) => e.signer)).toEqual(['a', 'x', 'b'])
    for (const signer of ['a', 'x', 'b'])
      h.run({ type: 'complete', taskId: taskOf(h, signer).id, actorId: signer, approved: true })
    expect(h.state.status).toBe('completed')
  })

  it('opens an extra instance at once in a parallel node', async () => {
    const h = await parallel()
    h.run({
      type: 'addSigner',
      taskId: taskOf(h, 'a').id,
      actorId: 'a',
      signer: 'x',
      position: 'after',
    })
    expect(h.openTasks('sign').map((t) => t.assignee)).toEqual(['a', 'b', 'x'])
    for (const signer of ['a', 'b'])
      h.run({ type: 'complete', taskId: taskOf(h, signer).id, actorId: signer, approved: true })
    expect(h.state.status).toBe('running')
    h.run({ type: 'complete', taskId: taskOf(h, 'x').id, actorId: 'x', approved: true })
    expect(h.state.status).toBe('completed')
  })
})

describe('减签', () => {
  it('cancels an undecided instance and the node completes without it', async () => {
    const h = await started({ mi: { collection: 'signers' } }, { signers: ['a', 'b', 'c'] })
    h.run({ type: 'complete', taskId: taskOf(h, 'a').id, actorId: 'a', approved: true })
    h.run({ type: 'removeSigner', taskId: taskOf(h, 'c').id, actorId: 'admin' })
    expect(h.state.status).toBe('running')
    h.run({ type: 'complete', taskId: taskOf(h, 'b').id, actorId: 'b', approved: true })
    expect(h.state.status).toBe('completed')
    expect(Object.values(h.state.tasks).map((t) => t.status)).toEqual([
      'completed',
      'completed',
      'cancelled',
    ])
  })

  it('never removes the last undecided signer', async () => {
    const h = await parallel()
    h.run({ type: 'removeSigner', taskId: taskOf(h, 'b').id, actorId: 'admin' })
    expect(h.refuse({ type: 'removeSigner', taskId: taskOf(h, 'a').id, actorId: 'admin' })).toBe(
      'last_signer',
    )
    const single = await plain()
    expect(
      single.refuse({ type: 'removeSigner', taskId: taskOf(single, 'wang').id, actorId: 'admin' }),
    ).toBe('last_signer')
  })

  it('drops a signer not yet reached in a sequential node', async () => {
    const h = await started(
      { mi: { collection: 'signers', sequential: true } },
      { signers: ['a', 'b', 'c'] },
    )
    const taskId = taskOf(h, 'a').id
    expect(h.refuse({ type: 'removeSigner', taskId, actorId: 'admin', signer: 'zz' })).toBe(
      'unknown_signer',
    )
    h.run({ type: 'removeSigner', taskId, actorId: 'admin', signer: 'b' })
    h.run({ type: 'complete', taskId, actorId: 'a', approved: true })
    expect(h.openTasks('sign').map((t) => t.assignee)).toEqual(['c'])
  })

  it('removing the current sequential signer opens the next one', async () => {
    const h = await sequential()
    h.run({ type: 'removeSigner', taskId: taskOf(h, 'a').id, actorId: 'admin' })
    expect(h.openTasks('sign').map((t) => t.assignee)).toEqual(['b'])
  })

  it('removing a 前加签 task gives the task back', async () => {
    const h = await plain()
    const original = taskOf(h, 'wang')
    h.run({
      type: 'addSigner',
      taskId: original.id,
      actorId: 'wang',
      signer: 'li',
      position: 'before',
    })
    h.run({ type: 'removeSigner', taskId: taskOf(h, 'li').id, actorId: 'wang' })
    expect(h.state.tasks[original.id]?.status).toBe('open')
  })
})
