import { emit, type Draft } from './engine-draft.js'
import { ModelMismatchError } from './engine-errors.js'
import type { TaskCancelReason, Variables } from './engine-events.js'
import { raiseIncident } from './incidents.js'
import type { GroupState, TaskState, TokenState } from './instance-state.js'
import { countersOf, decideGroup, plannedSigners } from './multi-instance.js'
import type { UserTaskNode } from './process-model.js'
import { leaveNode } from './propagate.js'
import { cancelTimers, scheduleTimers } from './timers.js'

/** A token entered a user task: plan the signers and open the first task(s). */
export function openUserTask(draft: Draft, token: TokenState, node: UserTaskNode): void {
  const planned = plannedSigners(node, draft.state.variables)
  if (!planned.ok) {
    const { reason, detail } = planned
    raiseIncident(draft, {
      nodeId: node.id,
      tokenId: token.id,
      taskId: null,
      reason,
      detail,
      retry: 'enter',
    })
    return
  }
  const groupId = draft.ctx.newId()
  const mi = node.multiInstance
  const mode = mi === null ? 'single' : mi.sequential ? 'sequential' : 'parallel'
  const signers = planned.signers
  emit(draft, { type: 'group_opened', groupId, nodeId: node.id, tokenId: token.id, mode, signers })
  const group = draft.state.groups[groupId]
  if (group === undefined) return
  const count = mode === 'parallel' ? signers.length : 1
  for (let index = 0; index < count; index += 1) openEntry(draft, group, index)
}

function userTaskNode(draft: Draft, nodeId: string): UserTaskNode {
  const node = draft.model.nodes.get(nodeId)
  if (node?.kind !== 'userTask') throw new ModelMismatchError(nodeId)
  return node
}

/** Opens the task of one group entry and schedules its boundary timers. */
export function openEntry(draft: Draft, group: GroupState, index: number): void {
  const node = userTaskNode(draft, group.nodeId)
  const taskId = draft.ctx.newId()
  emit(draft, {
    type: 'task_opened',
    taskId,
    nodeId: node.id,
    tokenId: group.tokenId,
    groupId: group.id,
    index,
    role: node.role,
    assignee: group.entries[index]?.signer ?? null,
    visibleFields: node.visibleFields === null ? null : [...node.visibleFields],
    editableFields: [...node.editableFields],
    beforeOf: null,
  })
  scheduleTimers(draft, node, taskId, group.tokenId)
}

function tasksOf(draft: Draft, group: GroupState): TaskState[] {
  return Object.values(draft.state.tasks).filter((t) => t.groupId === group.id)
}

export const isLive = (task: TaskState): boolean =>
  task.status === 'open' || task.status === 'suspended'

/** Closes a task as decided, with its 前加签 task and timers. */
function completeTask(
  draft: Draft,
  task: TaskState,
  by: string | null,
  approved: boolean | null,
  variables: Variables,
): void {
  cancelBefore(draft, task)
  emit(draft, { type: 'task_completed', taskId: task.id, by, approved, variables })
  cancelTimers(draft, task.id)
}

export function cancelTask(
  draft: Draft,
  task: TaskState,
  reason: TaskCancelReason,
  by: string | null = null,
): void {
  cancelBefore(draft, task)
  emit(draft, { type: 'task_cancelled', taskId: task.id, reason, by })
  cancelTimers(draft, task.id)
}

function cancelBefore(draft: Draft, task: TaskState): void {
  for (const other of Object.values(draft.state.tasks)) {
    if (other.beforeOf === task.id && isLive(other))
      emit(draft, { type: 'task_cancelled', taskId: other.id, reason: 'parent_closed', by: null })
  }
}

/** After an instance was decided or removed: close the group, or open the next signer. */
export function settleGroup(draft: Draft, group: GroupState): void {
  const node = userTaskNode(draft, group.nodeId)
  const counters = countersOf(draft.state, group)
  const verdict = decideGroup(node, group, counters, draft.state.variables)
  if (verdict.done) {
    closeGroup(draft, group, verdict.approved)
    return
  }
  if (group.mode === 'parallel' || counters.nrOfActiveInstances > 0) return
  const next = group.entries.findIndex((e) => !e.removed && e.taskId === null)
  if (next >= 0) openEntry(draft, group, next)
}

function closeGroup(draft: Draft, group: GroupState, approved: boolean | null): void {
  const node = userTaskNode(draft, group.nodeId)
  for (const task of tasksOf(draft, group))
    if (isLive(task) && task.beforeOf === null) cancelTask(draft, task, 'completion_condition')
  if (node.multiInstance !== null && approved !== null)
    emit(draft, { type: 'variables_set', variables: { approved }, by: null })
  emit(draft, { type: 'group_closed', groupId: group.id, outcome: 'completed', approved })
  leaveNode(draft, group.tokenId, node)
}

/** Ends the activation without an outcome; the caller decides where its token goes. */
export function cancelGroup(
  draft: Draft,
  group: GroupState,
  reason: TaskCancelReason,
  by: string | null = null,
): void {
  for (const task of tasksOf(draft, group))
    if (isLive(task) && task.beforeOf === null) cancelTask(draft, task, reason, by)
  emit(draft, { type: 'group_closed', groupId: group.id, outcome: 'cancelled', approved: null })
}

/** A decision on a task: record it and let the group react (前加签 tasks return to their task). */
export function decideTask(
  draft: Draft,
  task: TaskState,
  by: string | null,
  approved: boolean | null,
  variables: Variables,
): void {
  completeTask(draft, task, by, approved, variables)
  if (task.beforeOf !== null) {
    const waiting = draft.state.tasks[task.beforeOf]
    if (waiting?.status === 'suspended') emit(draft, { type: 'task_resumed', taskId: waiting.id })
    return
  }
  const group = draft.state.groups[task.groupId]
  if (group === undefined) return
  if (group.mode === 'single' && approved !== null)
    emit(draft, { type: 'variables_set', variables: { approved }, by })
  settleGroup(draft, group)
}
