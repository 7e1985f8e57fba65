import { applyEvent } from './apply-event.js'
import type {
  EngineEvent,
  GroupMode,
  IncidentReason,
  TimerAction,
  Variables,
} from './engine-events.js'

export type InstanceStatus = 'new' | 'running' | 'completed' | 'terminated'

/** A live token; `viaFlowId` is the flow it arrived by (null after a start, join or jump). */
export interface TokenState {
  id: string
  nodeId: string
  viaFlowId: string | null
}

/** One planned signer of a user-task activation; `taskId` null = not opened yet. */
export interface GroupEntry {
  signer: string | null
  taskId: string | null
  removed: boolean
}

export interface GroupState {
  id: string
  nodeId: string
  tokenId: string
  mode: GroupMode
  entries: GroupEntry[]
  status: 'open' | 'completed' | 'cancelled'
  approved: boolean | null
}

export type TaskStatus = 'open' | 'suspended' | 'completed' | 'cancelled'

export interface TaskState {
  id: string
  nodeId: string
  tokenId: string
  groupId: string
  index: number
  role: string | null
  assignee: string | null
  owner: string | null
  status: TaskStatus
  visibleFields: string[] | null
  editableFields: string[]
  beforeOf: string | null
  openedAt: string
  closedAt: string | null
  completedBy: string | null
  approved: boolean | null
  cancelReason: string | null
}

export interface ServiceJobState {
  id: string
  nodeId: string
  tokenId: string
  topic: string
  inputs: Record<string, string>
  status: 'open' | 'failed' | 'completed' | 'cancelled'
  attempts: number
  lastError: string | null
  openedAt: string
  closedAt: string | null
}

export interface TimerState {
  id: string
  nodeId: string
  taskId: string
  tokenId: string
  duration: string
  dueAt: string | null
  action: TimerAction
  status: 'pending' | 'fired' | 'cancelled'
  scheduledAt: string
  closedAt: string | null
}

export interface IncidentState {
  id: string
  nodeId: string
  tokenId: string
  taskId: string | null
  reason: IncidentReason
  detail: string
  retry: 'enter' | 'leave'
  status: 'open' | 'resolved'
  raisedAt: string
  resolvedAt: string | null
}

/** Everything known about one instance; records are keyed by id, in creation order. */
export interface InstanceState {
  status: InstanceStatus
  processId: string | null
  /** Number of events folded. */
  version: number
  startedAt: string | null
  endedAt: string | null
  variables: Variables
  tokens: Record<string, TokenState>
  groups: Record<string, GroupState>
  tasks: Record<string, TaskState>
  services: Record<string, ServiceJobState>
  timers: Record<string, TimerState>
  incidents: Record<string, IncidentState>
  endNodeIds: string[]
  terminated: { by: string; reason: string } | null
}

export function emptyInstanceState(): InstanceState {
  return {
    status: 'new',
    processId: null,
    version: 0,
    startedAt: null,
    endedAt: null,
    variables: {},
    tokens: {},
    groups: {},
    tasks: {},
    services: {},
    timers: {},
    incidents: {},
    endNodeIds: [],
    terminated: null,
  }
}

/**
 * Folds the event log into the instance state. With `from`, continues from that state (which
 * is copied once, never mutated), so `foldInstance(b, foldInstance(a))` equals
 * `foldInstance([...a, ...b])`.
 */
export function foldInstance(events: readonly EngineEvent[], from?: InstanceState): InstanceState {
  const state = from === undefined ? emptyInstanceState() : structuredClone(from)
  for (const event of events) applyEvent(state, event)
  return state
}
