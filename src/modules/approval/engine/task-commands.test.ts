import { describe, expect, it } from 'vitest'
import { advance } from './advance.js'
import {
  compile,
  end,
  flow,
  Harness,
  lineXml,
  processXml,
  start,
  userTask,
} from './engine-test-support.js'

const line = await compile(lineXml('a', 'b'))

describe('a straight line', () => {
  it('runs from start through each task to the end', () => {
    const h = new Harness(line)
    const started = h.run({ type: 'start', variables: { applicant: '张三' } })
    expect(started.map((e) => e.type)).toEqual([
      'instance_started',
      'token_created',
      'token_moved',
      'group_opened',
      'task_opened',
    ])
    expect(h.state.status).toBe('running')
    h.complete('a', undefined, 'clerk')
    expect(h.liveNodes()).toEqual(['b'])
    const last = h.complete('b', true, 'boss')
    expect(last.map((e) => e.type)).toEqual(
      expect.arrayContaining(['task_completed', 'token_ended', 'instance_completed']),
    )
    expect(h.state.status).toBe('completed')
    expect(h.state.endNodeIds).toEqual(['end'])
    expect(h.state.variables).toEqual({ applicant: '张三', approved: true })
    expect(Object.values(h.state.tasks).map((t) => [t.nodeId, t.completedBy])).toEqual([
      ['a', 'clerk'],
      ['b', 'boss'],
    ])
  })

  it('leaves the state it is given as it was, unless the state is handed over', () => {
    const h = new Harness(line)
    h.run({ type: 'start', variables: { applicant: '张三' } })
    const given = structuredClone(h.state)
    const task = h.task('a')
    const command = { type: 'claim', taskId: task.id, actorId: 'clerk' } as const
    const copied = advance(line, given, command, h.context())
    expect(given).toEqual(h.state)
    const handed = advance(line, given, command, h.context(), { handOver: true })
    expect(handed.ok && handed.state).toBe(given)
    expect(copied.ok && handed.ok && handed.state).toEqual(copied.ok && copied.state)
  })

  it('refuses a second start and commands on an instance that is not running', () => {
    const h = new Harness(line)
    expect(h.refuse({ type: 'claim', taskId: 'x', actorId: 'u' })).toBe('instance_not_running')
    h.run({ type: 'start', variables: {} })
    expect(h.refuse({ type: 'start', variables: {} })).toBe('already_started')
    expect(h.refuse({ type: 'complete', taskId: 'nope', actorId: 'u' })).toBe('task_not_found')
  })

  it('refuses variables that would reach the prototype', () => {
    const h = new Harness(line)
    const variables = JSON.parse('{"__proto__": {"x": 1}}') as Record<string, unknown>
    expect(h.refuse({ type: 'start', variables })).toBe('invalid_variables')
  })

  it('stamps role, assignee and field permissions on the task', async () => {
    const model = await compile(
      processXml(
        start(),
        userTask('a', {
          role: 'dept_approver',
          assignee: 'officer',
          visible: '/name,/id',
          editable: '/name',
        }),
        end(),
        flow('start', 'a'),
        flow('a', 'end'),
      ),
    )
    const h = new Harness(model)
    h.run({ type: 'start', variables: { officer: 'li.si' } })
    expect(h.task('a')).toMatchObject({
      role: 'dept_approver',
      assignee: 'li.si',
      owner: 'li.si',
      visibleFields: ['/name', '/id'],
      editableFields: ['/name'],
    })
  })
})

describe('claim, complete, transfer, delegate', () => {
  function started(): Harness {
    const h = new Harness(line)
    h.run({ type: 'start', variables: {} })
    return h
  }

  it('lets one staff member claim an unassigned task, and nobody else', () => {
    const h = started()
    const taskId = h.task('a').id
    h.run({ type: 'claim', taskId, actorId: 'wang' })
    expect(h.task('a')).toMatchObject({ assignee: 'wang', owner: 'wang' })
    expect(h.refuse({ type: 'claim', taskId, actorId: 'zhao' })).toBe('not_claimable')
    expect(h.refuse({ type: 'complete', taskId, actorId: 'zhao' })).toBe('not_assignee')
    h.run({ type: 'complete', taskId, actorId: 'wang' })
    expect(h.refuse({ type: 'complete', taskId, actorId: 'wang' })).toBe('task_not_open')
  })

  it('claims an unassigned task for whoever completes it', () => {
    const h = started()
    const events = h.run({ type: 'complete', taskId: h.task('a').id, actorId: 'wang' })
    expect(events.slice(0, 2).map((e) => e.type)).toEqual(['task_claimed', 'task_completed'])
  })

  it('transfers a task: the new assignee owns it', () => {
    const h = started()
    const taskId = h.task('a').id
    h.run({ type: 'claim', taskId, actorId: 'wang' })
    expect(h.refuse({ type: 'transfer', taskId, actorId: 'zhao', to: 'li' })).toBe('not_assignee')
    expect(h.refuse({ type: 'transfer', taskId, actorId: 'wang', to: ' ' })).toBe('illegal_target')
    h.run({ type: 'transfer', taskId, actorId: 'wang', to: 'li' })
    expect(h.task('a')).toMatchObject({ assignee: 'li', owner: 'li' })
    expect(h.refuse({ type: 'resolve', taskId, actorId: 'li' })).toBe('not_delegated')
    h.run({ type: 'complete', taskId, actorId: 'li' })
    expect(h.liveNodes()).toEqual(['b'])
  })

  it('delegates a task: the delegate resolves it back and the owner completes', () => {
    const h = started()
    const taskId = h.task('a').id
    h.run({ type: 'claim', taskId, actorId: 'wang' })
    h.run({ type: 'delegate', taskId, actorId: 'wang', to: 'li' })
    expect(h.task('a')).toMatchObject({ assignee: 'li', owner: 'wang' })
    expect(h.refuse({ type: 'complete', taskId, actorId: 'li' })).toBe('task_delegated')
    expect(h.refuse({ type: 'transfer', taskId, actorId: 'li', to: 'zhao' })).toBe('task_delegated')
    expect(h.refuse({ type: 'resolve', taskId, actorId: 'wang' })).toBe('not_assignee')
    h.run({ type: 'resolve', taskId, actorId: 'li' })
    expect(h.task('a')).toMatchObject({ assignee: 'wang', owner: 'wang' })
    h.run({ type: 'complete', taskId, actorId: 'wang' })
    expect(h.state.tasks[taskId]?.completedBy).toBe('wang')
  })
})

describe('data and model guards', () => {
  it('keeps variables as the event store will return them (JSON)', () => {
    const h = new Harness(line)
    const events = h.run({
      type: 'start',
      variables: { when: new Date('2026-01-02T00:00:00Z'), missing: undefined, n: 1 },
    })
    expect(events[0]).toMatchObject({ variables: { when: '2026-01-02T00:00:00.000Z', n: 1 } })
    expect(h.state.variables).toEqual({ when: '2026-01-02T00:00:00.000Z', n: 1 })
  })

  it('refuses to advance an instance with the model of another process', async () => {
    const h = new Harness(line)
    h.run({ type: 'start', variables: {} })
    const other = await compile(lineXml('a', 'b').replace('Process_test', 'Process_other'))
    const result = advance(
      other,
      h.state,
      { type: 'terminate', actorId: 'x', reason: 'y' },
      h.context(),
    )
    expect(result.ok || result.error.code).toBe('model_mismatch')
  })

  it('raises an incident when the assignee expression does not give a staff id', async () => {
    const xml = processXml(
      start(),
      userTask('a', { assignee: 'officer' }),
      end(),
      flow('start', 'a'),
      flow('a', 'end'),
    )
    const h = new Harness(await compile(xml))
    h.run({ type: 'start', variables: { officer: 42 } })
    expect(Object.values(h.state.incidents)).toMatchObject([
      { nodeId: 'a', reason: 'assignee_invalid' },
    ])
    h.run({ type: 'setVariables', actorId: 'admin', variables: { officer: 'zhou' } })
    h.run({
      type: 'retryIncident',
      incidentId: Object.keys(h.state.incidents)[0]!,
      actorId: 'admin',
    })
    expect(h.task('a').assignee).toBe('zhou')
  })
})
