import { describe, expect, it } from 'vitest'
import {
  compile,
  end,
  flow,
  Harness,
  processXml,
  start,
  timer,
  userTask,
} from './engine-test-support.js'

type TimerOptions = Parameters<typeof timer>[3]

async function withTimer(o: TimerOptions, duration = 'P3D', escape = false): Promise<Harness> {
  const xml = processXml(
    start(),
    userTask('review', { assignee: '"wang"' }),
    timer('late', 'review', duration, o),
    end(),
    ...(escape ? [end('escalated'), flow('late', 'escalated')] : []),
    flow('start', 'review'),
    flow('review', 'end'),
  )
  const h = new Harness(await compile(xml))
  h.run({ type: 'start', variables: {} })
  return h
}

const onlyTimer = (h: Harness) => {
  const timers = Object.values(h.state.timers)
  if (timers.length !== 1) throw new Error(`${timers.length} timers`)
  return timers[0]!
}

const later = '2026-03-06T01:00:00.000Z'

describe('boundary timers', () => {
  it('schedules a timer with its due time when the task opens', async () => {
    const h = await withTimer({ onTimeout: 'remind' })
    expect(onlyTimer(h)).toMatchObject({
      nodeId: 'late',
      taskId: h.task('review').id,
      duration: 'P3D',
      dueAt: '2026-03-05T01:00:00.000Z',
      action: 'remind',
      status: 'pending',
    })
  })

  it('schedules without a due time beyond the calendar', async () => {
    const h = await withTimer({ onTimeout: 'remind' }, 'P999D')
    expect(onlyTimer(h).dueAt).toBeNull()
    h.run({ type: 'fireTimer', timerId: onlyTimer(h).id })
    expect(onlyTimer(h).status).toBe('fired')
  })

  it('remind: fires once and the task stays open', async () => {
    const h = await withTimer({ onTimeout: 'remind' })
    const timerId = onlyTimer(h).id
    expect(h.refuse({ type: 'fireTimer', timerId })).toBe('timer_not_due')
    h.now = later
    h.run({ type: 'fireTimer', timerId })
    expect(onlyTimer(h).status).toBe('fired')
    expect(h.task('review').status).toBe('open')
    expect(h.refuse({ type: 'fireTimer', timerId })).toBe('timer_not_pending')
    h.complete('review')
    expect(h.state.status).toBe('completed')
  })

  it('auto_approve withheld by the caller: fires once and leaves the task open', async () => {
    const h = await withTimer({ onTimeout: 'auto_approve' })
    const taskId = h.task('review').id
    h.now = later
    h.run({ type: 'fireTimer', timerId: onlyTimer(h).id, withholdApproval: true })
    expect(onlyTimer(h).status).toBe('fired')
    expect(h.state.tasks[taskId]?.status).toBe('open')
    expect(h.state.variables.approved).toBeUndefined()
  })

  it('auto_approve: completes the task as the system', async () => {
    const h = await withTimer({ onTimeout: 'auto_approve' })
    const taskId = h.task('review').id
    h.now = later
    h.run({ type: 'fireTimer', timerId: onlyTimer(h).id })
    expect(h.state.tasks[taskId]).toMatchObject({
      status: 'completed',
      completedBy: null,
      approved: true,
    })
    expect(h.state.variables.approved).toBe(true)
    expect(h.state.status).toBe('completed')
  })

  it('auto_reject: completes the task with approved false', async () => {
    const h = await withTimer({ onTimeout: 'auto_reject' })
    h.now = later
    h.run({ type: 'fireTimer', timerId: onlyTimer(h).id })
    expect(h.state.variables.approved).toBe(false)
  })

  it('an interrupting timer cancels the task and follows its own flow', async () => {
    const h = await withTimer({}, 'P3D', true)
    const taskId = h.task('review').id
    h.now = later
    h.run({ type: 'fireTimer', timerId: onlyTimer(h).id })
    expect(h.state.tasks[taskId]).toMatchObject({
      status: 'cancelled',
      cancelReason: 'timer_interrupt',
    })
    expect(h.state.endNodeIds).toEqual(['escalated'])
    expect(h.state.status).toBe('completed')
  })

  it('a non-interrupting timer without onTimeout branches while the task stays', async () => {
    const h = await withTimer({ interrupting: false }, 'P3D', true)
    h.now = later
    h.run({ type: 'fireTimer', timerId: onlyTimer(h).id })
    expect(h.state.endNodeIds).toEqual(['escalated'])
    expect(h.task('review').status).toBe('open')
    h.complete('review')
    expect(h.state.status).toBe('completed')
  })

  it('is cancelled when the task completes first', async () => {
    const h = await withTimer({ onTimeout: 'escalate' })
    const events = h.complete('review')
    expect(events.map((e) => e.type)).toContain('timer_cancelled')
    expect(onlyTimer(h).status).toBe('cancelled')
  })

  it('gives each multi-instance signer a timer', async () => {
    const xml = processXml(
      start(),
      userTask('sign', { mi: { collection: 'signers' } }),
      timer('late', 'sign', 'P1D', { onTimeout: 'auto_approve' }),
      end(),
      flow('start', 'sign'),
      flow('sign', 'end'),
    )
    const h = new Harness(await compile(xml))
    h.run({ type: 'start', variables: { signers: ['a', 'b'] } })
    const [first, second] = Object.values(h.state.timers)
    h.now = later
    h.run({ type: 'fireTimer', timerId: first!.id })
    expect(h.state.status).toBe('running')
    h.run({ type: 'fireTimer', timerId: second!.id })
    expect(h.state.status).toBe('completed')
  })
})
