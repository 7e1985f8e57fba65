import type { Draft } from './engine-draft.js'
import { engineError, type EngineError } from './engine-errors.js'
import type { TaskState } from './instance-state.js'

/** A task that can be acted on now: open, not waiting for a 前加签 decision. */
export function openTask(draft: Draft, taskId: string): TaskState | EngineError {
  const task = draft.state.tasks[taskId]
  if (task === undefined) return engineError('task_not_found', taskId)
  if (task.status === 'suspended') return engineError('task_suspended', taskId)
  if (task.status !== 'open') return engineError('task_not_open', `${taskId} is ${task.status}`)
  return task
}

/** Open or suspended: the activation is still running (for returnTo, jump, removeSigner). */
export function liveTask(draft: Draft, taskId: string): TaskState | EngineError {
  const task = draft.state.tasks[taskId]
  if (task === undefined) return engineError('task_not_found', taskId)
  if (task.status === 'suspended') return task
  return openTask(draft, taskId)
}

/** The task as its assignee sees it: the actor must be the assignee. */
export function assignedTask(
  draft: Draft,
  taskId: string,
  actorId: string,
  live = false,
): TaskState | EngineError {
  const task = live ? liveTask(draft, taskId) : openTask(draft, taskId)
  if ('code' in task) return task
  if (task.assignee !== actorId)
    return engineError('not_assignee', `${taskId} is not assigned to ${actorId}`)
  return task
}

/** Owner ≠ assignee means a 委派 is pending: only resolve may follow. */
export const isDelegated = (task: TaskState): boolean =>
  task.owner !== null && task.owner !== task.assignee

export const isBlank = (value: string | undefined): boolean =>
  value === undefined || value.trim() === ''
