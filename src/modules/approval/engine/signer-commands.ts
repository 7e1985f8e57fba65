import type { CommandOf } from './engine-commands.js'
import { emit, type Draft } from './engine-draft.js'
import { engineError, type EngineError } from './engine-errors.js'
import type { GroupState, TaskState } from './instance-state.js'
import { assignedTask, isBlank, isDelegated, liveTask } from './task-guards.js'
import { cancelTask, isLive, openEntry, settleGroup } from './user-tasks.js'

/**
 * 加签 by the assignee. 'before': the signer gets a task on the same node and decides first;
 * this task waits and then returns to its assignee. 'after': one more group entry — next in
 * line for sequential and plain tasks, opened at once beside the others for a parallel group.
 */
export function addSigner(draft: Draft, command: CommandOf<'addSigner'>): EngineError | null {
  const task = assignedTask(draft, command.taskId, command.actorId)
  if ('code' in task) return task
  if (task.beforeOf !== null)
    return engineError('not_supported', 'a 前加签 task cannot add signers')
  if (isDelegated(task)) return engineError('task_delegated', task.id)
  if (isBlank(command.signer) || command.signer === command.actorId)
    return engineError('invalid_signer', command.signer)
  const group = draft.state.groups[task.groupId]
  if (group === undefined) return engineError('task_not_open', task.id)
  if (command.position === 'before') addBefore(draft, task, group, command)
  else addAfter(draft, task, group, command)
  return null
}

function addBefore(
  draft: Draft,
  task: TaskState,
  group: GroupState,
  command: CommandOf<'addSigner'>,
): void {
  const { signer, actorId: by } = command
  emit(draft, {
    type: 'signer_added',
    groupId: group.id,
    fromTaskId: task.id,
    signer,
    position: 'before',
    index: null,
    by,
  })
  const taskId = draft.ctx.newId()
  emit(draft, {
    type: 'task_opened',
    taskId,
    nodeId: task.nodeId,
    tokenId: task.tokenId,
    groupId: group.id,
    index: task.index,
    role: task.role,
    assignee: signer,
    visibleFields: task.visibleFields === null ? null : [...task.visibleFields],
    editableFields: [...task.editableFields],
    beforeOf: task.id,
  })
  emit(draft, { type: 'task_suspended', taskId: task.id, forTaskId: taskId })
}

function addAfter(
  draft: Draft,
  task: TaskState,
  group: GroupState,
  command: CommandOf<'addSigner'>,
): void {
  const index = group.mode === 'parallel' ? group.entries.length : task.index + 1
  const { signer, actorId: by } = command
  emit(draft, {
    type: 'signer_added',
    groupId: group.id,
    fromTaskId: task.id,
    signer,
    position: 'after',
    index,
    by,
  })
  if (group.mode === 'parallel') openEntry(draft, group, index)
}

/**
 * 减签: cancels an undecided instance (or, with `signer`, drops a signer not yet reached), and
 * never the last undecided one. Removing a 前加签 task gives the task back to its assignee.
 */
export function removeSigner(draft: Draft, command: CommandOf<'removeSigner'>): EngineError | null {
  const task = liveTask(draft, command.taskId)
  if ('code' in task) return task
  const group = draft.state.groups[task.groupId]
  if (group?.status !== 'open') return engineError('task_not_open', task.id)
  if (command.signer !== undefined)
    return removePending(draft, group, command.signer, command.actorId)
  if (task.beforeOf !== null) {
    cancelTask(draft, task, 'signer_removed', command.actorId)
    emit(draft, { type: 'task_resumed', taskId: task.beforeOf })
    return null
  }
  if (undecided(draft, group) <= 1) return engineError('last_signer', task.id)
  cancelTask(draft, task, 'signer_removed', command.actorId)
  emit(draft, { type: 'signer_removed', groupId: group.id, index: task.index, by: command.actorId })
  settleGroup(draft, group)
  return null
}

function removePending(
  draft: Draft,
  group: GroupState,
  signer: string,
  by: string,
): EngineError | null {
  const index = group.entries.findIndex(
    (e) => !e.removed && e.taskId === null && e.signer === signer,
  )
  if (index < 0) return engineError('unknown_signer', signer)
  if (undecided(draft, group) <= 1) return engineError('last_signer', signer)
  emit(draft, { type: 'signer_removed', groupId: group.id, index, by })
  settleGroup(draft, group)
  return null
}

function undecided(draft: Draft, group: GroupState): number {
  return group.entries.filter((e) => {
    if (e.removed) return false
    const task = e.taskId === null ? undefined : draft.state.tasks[e.taskId]
    return task === undefined || isLive(task)
  }).length
}
