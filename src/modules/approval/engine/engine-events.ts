/**
 * The engine's append-only event log: a stable, flat, JSON-serialisable contract. The store
 * keeps each event as a row (instance_id, seq, type, payload); `foldInstance` rebuilds the
 * state from them. Every event carries `at`, the ISO time the command was applied. Add fields
 * only as optional ones; never rename a type or field.
 */

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
} from './task-events.js'
import type {
  IncidentRaised,
  IncidentResolved,
  ServiceCancelled,
  ServiceCompleted,
  ServiceFailed,
  ServiceOpened,
  ServiceRetried,
  TimerCancelled,
  TimerFired,
  TimerScheduled,
} from './job-events.js'

/** Instance variables: JSON values by name, the context of every FEEL expression. */
export type Variables = Record<string, unknown>

/** How a user-task activation runs its instances: plain task, 会签/或签 in parallel, 依次审批. */
export type GroupMode = 'single' | 'parallel' | 'sequential'

/** What a boundary timer does when it fires (see process-model.ts). */
export type TimerAction =
  'remind' | 'escalate' | 'auto_approve' | 'auto_reject' | 'interrupt' | 'branch'

export type TaskCancelReason =
  | 'completion_condition'
  | 'signer_removed'
  | 'returned'
  | 'jumped'
  | 'timer_interrupt'
  | 'terminated'
  | 'parent_closed'

export type IncidentReason =
  'no_matching_flow' | 'service_failed' | 'collection_invalid' | 'assignee_invalid'

export interface At {
  /** ISO time from the command's context. */
  at: string
}

/** The instance exists; the first token is created by the following `token_created`. */
export interface InstanceStarted extends At {
  type: 'instance_started'
  processId: string
  variables: Variables
}

/** A new token at a node (the start event, or a non-interrupting boundary event's branch). */
export interface TokenCreated extends At {
  type: 'token_created'
  tokenId: string
  nodeId: string
}

/** A token followed one sequence flow and now sits at `to`. */
export interface TokenMoved extends At {
  type: 'token_moved'
  tokenId: string
  flowId: string
  to: string
}

/** A token left `nodeId` along several flows: it is consumed and one child per flow is created. */
export interface TokenForked extends At {
  type: 'token_forked'
  tokenId: string
  nodeId: string
  children: Array<{ tokenId: string; flowId: string; to: string }>
}

/** A join consumed `tokenIds` and created `tokenId` at the gateway. */
export interface TokensJoined extends At {
  type: 'tokens_joined'
  nodeId: string
  tokenIds: string[]
  tokenId: string
}

/** 退回 / 跳转: a token was placed at `to` without following a flow. */
export interface TokenRelocated extends At {
  type: 'token_relocated'
  tokenId: string
  to: string
  mode: 'return' | 'jump'
  by: string
  reason: string
}

/** A token reached an end event and is gone. */
export interface TokenEnded extends At {
  type: 'token_ended'
  tokenId: string
  nodeId: string
}

/** Variables merged into the instance variables; `by` null = set by the engine. */
export interface VariablesSet extends At {
  type: 'variables_set'
  variables: Variables
  by: string | null
}

/** Every token ended; `endNodeIds` are the end events reached, in order, without repeats. */
export interface InstanceCompleted extends At {
  type: 'instance_completed'
  endNodeIds: string[]
}

/** Stopped by `by`; any remaining tokens are discarded. */
export interface InstanceTerminated extends At {
  type: 'instance_terminated'
  reason: string
  by: string
}

export type * from './job-events.js'
export type * from './task-events.js'

export type EngineEvent =
  | InstanceStarted
  | TokenCreated
  | TokenMoved
  | TokenForked
  | TokensJoined
  | TokenRelocated
  | TokenEnded
  | GroupOpened
  | GroupClosed
  | TaskOpened
  | TaskClaimed
  | TaskReassigned
  | TaskSuspended
  | TaskResumed
  | TaskCompleted
  | TaskCancelled
  | SignerAdded
  | SignerRemoved
  | ServiceOpened
  | ServiceCompleted
  | ServiceFailed
  | ServiceRetried
  | ServiceCancelled
  | IncidentRaised
  | IncidentResolved
  | TimerScheduled
  | TimerFired
  | TimerCancelled
  | VariablesSet
  | InstanceCompleted
  | InstanceTerminated

export type EngineEventType = EngineEvent['type']

/** An event before the engine stamps `at`. */
export type EventBody = EngineEvent extends infer E ? (E extends At ? Omit<E, 'at'> : never) : never
