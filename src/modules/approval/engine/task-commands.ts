import type { CommandOf } from './engine-commands.js'
import { emit, type Draft } from './engine-draft.js'
import { engineError, type EngineError } from './engine-errors.js'
import { assignedTask, isBlank, isDelegated, openTask } from './task-guards.js'
import { decideTask } from './user-tasks.js'
import { normaliseVariables } from './variables.js'

/** 认领: an unassigned task becomes the actor's (assignee and owner). */
export function claim(draft: Draft, command: CommandOf<'claim'>): EngineError | null {
  const task = openTask(draft, command.taskId)
  if ('code' in task) return task
  if (task.assignee !== null) return engineError('not_claimable', `${task.id} is assigned`)
  emit(draft, { type: 'task_claimed', taskId: task.id, by: command.actorId })
  return null
}

/**
 * 办理: by the assignee; an unassigned task is claimed by the actor in the same step. A
 * delegated task must be resolved to its owner first. Multi-instance tasks need `approved`.
 */
export function complete(draft: Draft, command: CommandOf<'complete'>): EngineError | null {
  const task = openTask(draft, command.taskId)
  if ('code' in task) return task
  if (task.assignee !== null && task.assignee !== command.actorId)
    return engineError('not_assignee', `${task.id} is not assigned to ${command.actorId}`)
  if (isDelegated(task)) return engineError('task_delegated', task.id)
  const variables = normaliseVariables(command.variables ?? {})
  if (variables === null) return engineError('invalid_variables')
  const mode = draft.state.groups[task.groupId]?.mode
  if (mode !== 'single' && task.beforeOf === null && command.approved === undefined)
    return engineError('approval_required', task.id)
  if (task.assignee === null)
    emit(draft, { type: 'task_claimed', taskId: task.id, by: command.actorId })
  decideTask(draft, task, command.actorId, command.approved ?? null, variables)
  return null
}

/** 转办 (transfer: the new assignee owns the task) and 委派 (delegate: it comes back). */
export function reassign(
  draft: Draft,
  command: CommandOf<'transfer'> | CommandOf<'delegate'>,
): EngineError | null {
  const task = assignedTask(draft, command.taskId, command.actorId)
  if ('code' in task) return task
  if (isDelegated(task)) return engineError('task_delegated', task.id)
  if (isBlank(command.to) || command.to === command.actorId)
    return engineError('illegal_target', `cannot hand ${task.id} to ${command.to}`)
  emit(draft, {
    type: 'task_reassigned',
    taskId: task.id,
    by: command.actorId,
    to: command.to,
    mode: command.type,
  })
  return null
}

/** The delegate hands the task back to its owner, who then completes it. */
export function resolve(draft: Draft, command: CommandOf<'resolve'>): EngineError | null {
  const task = assignedTask(draft, command.taskId, command.actorId)
  if ('code' in task) return task
  if (!isDelegated(task) || task.owner === null) return engineError('not_delegated', task.id)
  emit(draft, {
    type: 'task_reassigned',
    taskId: task.id,
    by: command.actorId,
    to: task.owner,
    mode: 'resolve',
  })
  return null
}
