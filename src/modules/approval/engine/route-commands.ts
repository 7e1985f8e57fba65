import type { CommandOf } from './engine-commands.js'
import { emit, type Draft } from './engine-draft.js'
import { engineError, type EngineError } from './engine-errors.js'
import type { TaskState } from './instance-state.js'
import { enqueue } from './propagate.js'
import { assignedTask, isBlank, liveTask } from './task-guards.js'
import { cancelGroup } from './user-tasks.js'
import { normaliseVariables } from './variables.js'

/**
 * 退回 by the assignee: the activation is cancelled and its token starts again at an earlier
 * user task that leads here without cutting through a parallel block (model.returnTargets).
 */
export function returnTo(draft: Draft, command: CommandOf<'returnTo'>): EngineError | null {
  if (isBlank(command.reason)) return engineError('reason_required')
  const task = assignedTask(draft, command.taskId, command.actorId, true)
  if ('code' in task) return task
  if (task.beforeOf !== null) return engineError('not_supported', 'a 前加签 task cannot return')
  if (!draft.model.nodes.has(command.nodeId)) return engineError('unknown_node', command.nodeId)
  if (draft.model.returnTargets.get(task.nodeId)?.has(command.nodeId) !== true)
    return engineError('illegal_target', `${task.nodeId} cannot return to ${command.nodeId}`)
  relocate(draft, task, command, 'return')
  return null
}

/** 跳转 (administrative): the token of the task's activation goes to any node but a boundary event. */
export function jump(draft: Draft, command: CommandOf<'jump'>): EngineError | null {
  if (isBlank(command.reason)) return engineError('reason_required')
  const task = liveTask(draft, command.taskId)
  if ('code' in task) return task
  const node = draft.model.nodes.get(command.nodeId)
  if (node === undefined) return engineError('unknown_node', command.nodeId)
  if (node.kind === 'boundaryEvent') return engineError('illegal_target', command.nodeId)
  relocate(draft, task, command, 'jump')
  return null
}

function relocate(
  draft: Draft,
  task: TaskState,
  command: CommandOf<'returnTo'> | CommandOf<'jump'>,
  mode: 'return' | 'jump',
): void {
  const group = draft.state.groups[task.groupId]
  if (group !== undefined)
    cancelGroup(draft, group, mode === 'return' ? 'returned' : 'jumped', command.actorId)
  emit(draft, {
    type: 'token_relocated',
    tokenId: task.tokenId,
    to: command.nodeId,
    mode,
    by: command.actorId,
    reason: command.reason,
  })
  enqueue(draft, task.tokenId)
}

/** 终止: cancels every open task, job and timer, resolves incidents, discards the tokens. */
export function terminate(draft: Draft, command: CommandOf<'terminate'>): EngineError | null {
  if (isBlank(command.reason)) return engineError('reason_required')
  const { state } = draft
  for (const group of Object.values(state.groups))
    if (group.status === 'open') cancelGroup(draft, group, 'terminated', command.actorId)
  for (const job of Object.values(state.services))
    if (job.status === 'open' || job.status === 'failed')
      emit(draft, { type: 'service_cancelled', taskId: job.id })
  for (const incident of Object.values(state.incidents))
    if (incident.status === 'open')
      emit(draft, { type: 'incident_resolved', incidentId: incident.id, by: command.actorId })
  emit(draft, { type: 'instance_terminated', reason: command.reason, by: command.actorId })
  return null
}

/** Corrects data, e.g. before retrying an incident. */
export function setVariables(draft: Draft, command: CommandOf<'setVariables'>): EngineError | null {
  const variables = normaliseVariables(command.variables)
  if (variables === null) return engineError('invalid_variables')
  emit(draft, { type: 'variables_set', variables, by: command.actorId })
  return null
}
