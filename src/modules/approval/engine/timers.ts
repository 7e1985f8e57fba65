import type { CommandOf } from './engine-commands.js'
import { emit, type Draft } from './engine-draft.js'
import { engineError, type EngineError } from './engine-errors.js'
import type { TimerState } from './instance-state.js'
import type { UserTaskNode } from './process-model.js'
import { enqueue, leaveNode } from './propagate.js'
import { cancelGroup, decideTask } from './user-tasks.js'

/** Each task of a node with boundary timers gets its own timers, due from its opening. */
export function scheduleTimers(
  draft: Draft,
  node: UserTaskNode,
  taskId: string,
  tokenId: string,
): void {
  for (const boundaryId of node.timers) {
    const boundary = draft.model.nodes.get(boundaryId)
    if (boundary?.kind !== 'boundaryEvent') continue
    emit(draft, {
      type: 'timer_scheduled',
      timerId: draft.ctx.newId(),
      nodeId: boundary.id,
      taskId,
      tokenId,
      duration: boundary.duration,
      dueAt: draft.ctx.dueAt(boundary.duration, draft.ctx.now),
      action: boundary.action,
    })
  }
}

export function cancelTimers(draft: Draft, taskId: string): void {
  for (const timer of Object.values(draft.state.timers)) {
    if (timer.taskId === taskId && timer.status === 'pending')
      emit(draft, { type: 'timer_cancelled', timerId: timer.id })
  }
}

function pendingTimer(draft: Draft, timerId: string): TimerState | EngineError {
  const timer = draft.state.timers[timerId]
  if (timer === undefined) return engineError('timer_not_found', timerId)
  if (timer.status !== 'pending') return engineError('timer_not_pending', timerId)
  if (timer.dueAt !== null && Date.parse(timer.dueAt) > Date.parse(draft.ctx.now))
    return engineError('timer_not_due', `${timerId} is due at ${timer.dueAt}`)
  return timer
}

/**
 * remind / escalate only record the firing (the caller notifies); auto_approve / auto_reject
 * decide the task as the engine (an auto_approve the caller withholds leaves it open for staff); interrupt ends the whole activation and follows the timer's
 * flows; branch starts an extra token on them. A timer with no due time (beyond the calendar)
 * may be fired whenever the caller decides.
 */
export function fireTimer(draft: Draft, command: CommandOf<'fireTimer'>): EngineError | null {
  const timer = pendingTimer(draft, command.timerId)
  if ('code' in timer) return timer
  const task = draft.state.tasks[timer.taskId]
  const boundary = draft.model.nodes.get(timer.nodeId)
  if (task === undefined || boundary === undefined) return engineError('timer_not_found')
  emit(draft, { type: 'timer_fired', timerId: timer.id })
  switch (timer.action) {
    case 'remind':
    case 'escalate':
      return null
    case 'auto_approve':
    case 'auto_reject':
      if (timer.action === 'auto_approve' && command.withholdApproval === true) return null
      decideTask(draft, task, null, timer.action === 'auto_approve', {})
      return null
    case 'interrupt': {
      const group = draft.state.groups[task.groupId]
      if (group !== undefined) cancelGroup(draft, group, 'timer_interrupt')
      leaveNode(draft, timer.tokenId, boundary)
      return null
    }
    case 'branch': {
      const tokenId = draft.ctx.newId()
      emit(draft, { type: 'token_created', tokenId, nodeId: boundary.id })
      enqueue(draft, tokenId)
      return null
    }
  }
}
