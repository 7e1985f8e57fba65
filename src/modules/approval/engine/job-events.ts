/** Events of service jobs, incidents and timers; see engine-events.ts. */
import type { At, IncidentReason, TimerAction, Variables } from './engine-events.js'

/** An external job for a worker subscribed to `topic`. */
export interface ServiceOpened extends At {
  type: 'service_opened'
  taskId: string
  nodeId: string
  tokenId: string
  topic: string
  inputs: Record<string, string>
}

/** `variables` are merged into the instance variables. */
export interface ServiceCompleted extends At {
  type: 'service_completed'
  taskId: string
  variables: Variables
}

export interface ServiceFailed extends At {
  type: 'service_failed'
  taskId: string
  reason: string
}

/** The failed job is open again for the worker. */
export interface ServiceRetried extends At {
  type: 'service_retried'
  taskId: string
}

export interface ServiceCancelled extends At {
  type: 'service_cancelled'
  taskId: string
}

/**
 * The token cannot go on. `retry` says what resolving it re-runs: 'enter' the node again, or
 * 'leave' it (choose outgoing flows again); a failed service job is re-opened instead.
 */
export interface IncidentRaised extends At {
  type: 'incident_raised'
  incidentId: string
  nodeId: string
  tokenId: string
  taskId: string | null
  reason: IncidentReason
  detail: string
  retry: 'enter' | 'leave'
}

/** `by` null = resolved by the engine (e.g. termination). */
export interface IncidentResolved extends At {
  type: 'incident_resolved'
  incidentId: string
  by: string | null
}

/** `nodeId` is the boundary event; `dueAt` null = beyond the loaded working calendar. */
export interface TimerScheduled extends At {
  type: 'timer_scheduled'
  timerId: string
  nodeId: string
  taskId: string
  tokenId: string
  duration: string
  dueAt: string | null
  action: TimerAction
}

export interface TimerFired extends At {
  type: 'timer_fired'
  timerId: string
}

export interface TimerCancelled extends At {
  type: 'timer_cancelled'
  timerId: string
}
