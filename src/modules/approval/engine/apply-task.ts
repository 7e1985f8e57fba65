import type {
  GroupClosed,
  GroupOpened,
  SignerAdded,
  SignerRemoved,
  TaskCancelled,
  TaskClaimed,
  TaskCompleted,
  TaskOpened,
  TaskReassigned,
  TaskResumed,
  TaskSuspended,
} from './engine-events.js'
import type { InstanceState } from './instance-state.js'
import { mergeVariables } from './variables.js'

export function groupOpened(state: InstanceState, event: GroupOpened): void {
  state.groups[event.groupId] = {
    id: event.groupId,
    nodeId: event.nodeId,
    tokenId: event.tokenId,
    mode: event.mode,
    entries: event.signers.map((signer) => ({ signer, taskId: null, removed: false })),
    status: 'open',
    approved: null,
  }
}

export function groupClosed(state: InstanceState, event: GroupClosed): void {
  const group = state.groups[event.groupId]
  if (group === undefined) return
  group.status = event.outcome
  group.approved = event.approved
}

export function taskOpened(state: InstanceState, event: TaskOpened): void {
  state.tasks[event.taskId] = {
    id: event.taskId,
    nodeId: event.nodeId,
    tokenId: event.tokenId,
    groupId: event.groupId,
    index: event.index,
    role: event.role,
    assignee: event.assignee,
    owner: event.assignee,
    status: 'open',
    visibleFields: event.visibleFields,
    editableFields: event.editableFields,
    beforeOf: event.beforeOf,
    openedAt: event.at,
    closedAt: null,
    completedBy: null,
    approved: null,
    cancelReason: null,
  }
  const entry = state.groups[event.groupId]?.entries[event.index]
  if (event.beforeOf === null && entry !== undefined) entry.taskId = event.taskId
}

export function taskClaimed(state: InstanceState, event: TaskClaimed): void {
  const task = state.tasks[event.taskId]
  if (task === undefined) return
  task.assignee = event.by
  task.owner = event.by
}

export function taskReassigned(state: InstanceState, event: TaskReassigned): void {
  const task = state.tasks[event.taskId]
  if (task === undefined) return
  task.assignee = event.mode === 'resolve' ? task.owner : event.to
  if (event.mode === 'transfer') task.owner = event.to
}

export function taskSuspendedOrResumed(
  state: InstanceState,
  event: TaskSuspended | TaskResumed,
): void {
  const task = state.tasks[event.taskId]
  if (task !== undefined) task.status = event.type === 'task_suspended' ? 'suspended' : 'open'
}

export function taskCompleted(state: InstanceState, event: TaskCompleted): void {
  const task = state.tasks[event.taskId]
  if (task === undefined) return
  task.status = 'completed'
  task.closedAt = event.at
  task.completedBy = event.by
  task.approved = event.approved
  mergeVariables(state.variables, event.variables)
}

export function taskCancelled(state: InstanceState, event: TaskCancelled): void {
  const task = state.tasks[event.taskId]
  if (task === undefined) return
  task.status = 'cancelled'
  task.closedAt = event.at
  task.cancelReason = event.reason
}

export function signerAdded(state: InstanceState, event: SignerAdded): void {
  if (event.index === null) return
  const entry = { signer: event.signer, taskId: null, removed: false }
  state.groups[event.groupId]?.entries.splice(event.index, 0, entry)
}

export function signerRemoved(state: InstanceState, event: SignerRemoved): void {
  const entry = state.groups[event.groupId]?.entries[event.index]
  if (entry !== undefined) entry.removed = true
}
