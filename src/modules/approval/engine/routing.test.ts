import { describe, expect, it } from 'vitest'
import {
  compile,
  end,
  flow,
  gateway,
  Harness,
  lineXml,
  processXml,
  serviceTask,
  start,
  timer,
  userTask,
} from './engine-test-support.js'

const line = await compile(lineXml('accept', 'review', 'decide'))

async function atDecide(): Promise<Harness> {
  const h = new Harness(line)
  h.run({ type: 'start', variables: {} })
  h.complete('accept', undefined, 'clerk')
  h.complete('review', undefined, 'clerk')
  h.run({ type: 'claim', taskId: h.task('decide').id, actorId: 'boss' })
  return h
}

describe('退回 (returnTo)', () => {
  it('cancels the task and reopens an earlier task on the path', async () => {
    const h = await atDecide()
    const taskId = h.task('decide').id
    const events = h.run({
      type: 'returnTo',
      taskId,
      actorId: 'boss',
      nodeId: 'accept',
      reason: '材料不全',
    })
    expect(events.find((e) => e.type === 'token_relocated')).toMatchObject({
      to: 'accept',
      mode: 'return',
      by: 'boss',
      reason: '材料不全',
    })
    expect(h.state.tasks[taskId]).toMatchObject({ status: 'cancelled', cancelReason: 'returned' })
    expect(h.liveNodes()).toEqual(['accept'])
    h.complete('accept', undefined, 'clerk')
    expect(h.liveNodes()).toEqual(['review'])
  })

  it('needs a reason, the assignee, and an earlier user task', async () => {
    const h = await atDecide()
    const taskId = h.task('decide').id
    const ask = (nodeId: string, reason = '退回', actorId = 'boss') =>
      h.refuse({ type: 'returnTo', taskId, actorId, nodeId, reason })
    expect(ask('accept', '  ')).toBe('reason_required')
    expect(ask('accept', '退回', 'clerk')).toBe('not_assignee')
    expect(ask('nowhere')).toBe('unknown_node')
    expect(ask('decide')).toBe('illegal_target')
    expect(ask('end')).toBe('illegal_target')
  })

  it('refuses to return from inside a parallel branch to before the fork', async () => {
    const xml = processXml(
      start(),
      userTask('accept'),
      gateway('parallel', 'split'),
      userTask('left'),
      userTask('right'),
      gateway('parallel', 'join'),
      end(),
      flow('start', 'accept'),
      flow('accept', 'split'),
      flow('split', 'left'),
      flow('split', 'right'),
      flow('left', 'join'),
      flow('right', 'join'),
      flow('join', 'end'),
    )
    const h = new Harness(await compile(xml))
    h.run({ type: 'start', variables: {} })
    h.complete('accept', undefined, 'clerk')
    h.run({ type: 'claim', taskId: h.task('left').id, actorId: 'clerk' })
    const returnTo = { type: 'returnTo', actorId: 'clerk', nodeId: 'accept', reason: 'x' } as const
    expect(h.refuse({ ...returnTo, taskId: h.task('left').id })).toBe('illegal_target')
  })
})

describe('跳转 (jump)', () => {
  it('moves the token to any node, forward or back, with a reason', async () => {
    const h = await atDecide()
    const taskId = h.task('decide').id
    expect(h.refuse({ type: 'jump', taskId, actorId: 'admin', nodeId: 'review', reason: '' })).toBe(
      'reason_required',
    )
    h.run({ type: 'jump', taskId, actorId: 'admin', nodeId: 'review', reason: '复核' })
    expect(h.state.tasks[taskId]?.cancelReason).toBe('jumped')
    expect(h.liveNodes()).toEqual(['review'])
    h.run({
      type: 'jump',
      taskId: h.task('review').id,
      actorId: 'admin',
      nodeId: 'end',
      reason: '办结',
    })
    expect(h.state.status).toBe('completed')
    expect(h.state.endNodeIds).toEqual(['end'])
  })

  it('refuses unknown nodes and boundary events', async () => {
    const xml = processXml(
      start(),
      userTask('a'),
      timer('t', 'a', 'P1D', { onTimeout: 'remind' }),
      end(),
      flow('start', 'a'),
      flow('a', 'end'),
    )
    const h = new Harness(await compile(xml))
    h.run({ type: 'start', variables: {} })
    const jump = { type: 'jump', taskId: h.task('a').id, actorId: 'admin', reason: 'x' } as const
    expect(h.refuse({ ...jump, nodeId: 'zzz' })).toBe('unknown_node')
    expect(h.refuse({ ...jump, nodeId: 't' })).toBe('illegal_target')
  })
})

describe('终止 (terminate)', () => {
  it('needs a reason and then cancels every open task, job and timer', async () => {
    const xml = processXml(
      start(),
      gateway('parallel', 'split'),
      userTask('a'),
      timer('t', 'a', 'P1D', { onTimeout: 'remind' }),
      serviceTask('s', 'issue-licence'),
      gateway('parallel', 'join'),
      end(),
      flow('start', 'split'),
      flow('split', 'a'),
      flow('split', 's'),
      flow('a', 'join'),
      flow('s', 'join'),
      flow('join', 'end'),
    )
    const h = new Harness(await compile(xml))
    h.run({ type: 'start', variables: {} })
    expect(h.refuse({ type: 'terminate', actorId: 'admin', reason: ' ' })).toBe('reason_required')
    h.run({ type: 'terminate', actorId: 'admin', reason: '申请人撤回' })
    expect(h.state).toMatchObject({
      status: 'terminated',
      terminated: { by: 'admin', reason: '申请人撤回' },
      tokens: {},
    })
    expect(Object.values(h.state.tasks).map((t) => t.status)).toEqual(['cancelled'])
    expect(Object.values(h.state.timers).map((t) => t.status)).toEqual(['cancelled'])
    expect(Object.values(h.state.services).map((j) => j.status)).toEqual(['cancelled'])
    expect(h.refuse({ type: 'terminate', actorId: 'admin', reason: 'again' })).toBe(
      'instance_not_running',
    )
  })
})
