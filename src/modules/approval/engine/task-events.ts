/** Events of user-task activations (groups), their tasks and signers; see engine-events.ts. */
import type { At, GroupMode, TaskCancelReason, Variables } from './engine-events.js'

/** A token entered a user task: the planned signers (null = anyone of the role may claim). */
export interface GroupOpened extends At {
  type: 'group_opened'
  groupId: string
  nodeId: string
  tokenId: string
  mode: GroupMode
  signers: Array<string | null>
}

/** The user-task activation is over; `approved` is the node's outcome (null: none given). */
export interface GroupClosed extends At {
  type: 'group_closed'
  groupId: string
  outcome: 'completed' | 'cancelled'
  approved: boolean | null
}

/** A task for one signer. `beforeOf` is set for a 前加签 task that decides before that task. */
export interface TaskOpened extends At {
  type: 'task_opened'
  taskId: string
  nodeId: string
  tokenId: string
  groupId: string
  index: number
  role: string | null
  assignee: string | null
  /** JSON pointers into the form; null = every field visible. */
  visibleFields: string[] | null
  editableFields: string[]
  beforeOf: string | null
}

export interface TaskClaimed extends At {
  type: 'task_claimed'
  taskId: string
  by: string
}

/** transfer: assignee and owner become `to`; delegate: assignee only; resolve: back to owner. */
export interface TaskReassigned extends At {
  type: 'task_reassigned'
  taskId: string
  by: string
  to: string
  mode: 'transfer' | 'delegate' | 'resolve'
}

/** The task waits for its 前加签 task `forTaskId`. */
export interface TaskSuspended extends At {
  type: 'task_suspended'
  taskId: string
  forTaskId: string
}

export interface TaskResumed extends At {
  type: 'task_resumed'
  taskId: string
}

/** `by` null = the engine (a timer). `variables` are merged into the instance variables. */
export interface TaskCompleted extends At {
  type: 'task_completed'
  taskId: string
  by: string | null
  approved: boolean | null
  variables: Variables
}

/** `by` null = cancelled by the engine (completion condition, timer, closing task). */
export interface TaskCancelled extends At {
  type: 'task_cancelled'
  taskId: string
  reason: TaskCancelReason
  by: string | null
}

/** 加签. 'after' inserts a group entry at `index`; 'before' opens a task and adds no entry. */
export interface SignerAdded extends At {
  type: 'signer_added'
  groupId: string
  fromTaskId: string
  signer: string
  position: 'before' | 'after'
  index: number | null
  by: string
}

/** 减签: the group entry at `index` no longer counts. */
export interface SignerRemoved extends At {
  type: 'signer_removed'
  groupId: string
  index: number
  by: string
}
