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
} from './engine-events.js'
import type { InstanceState } from './instance-state.js'
import { mergeVariables } from './variables.js'

export function serviceOpened(state: InstanceState, event: ServiceOpened): void {
  state.services[event.taskId] = {
    id: event.taskId,
    nodeId: event.nodeId,
    tokenId: event.tokenId,
    topic: event.topic,
    inputs: { ...event.inputs },
    status: 'open',
    attempts: 1,
    lastError: null,
    openedAt: event.at,
    closedAt: null,
  }
}

export function serviceClosed(
  state: InstanceState,
  event: ServiceCompleted | ServiceCancelled,
): void {
  const job = state.services[event.taskId]
  if (job === undefined) return
  job.closedAt = event.at
  if (event.type === 'service_cancelled') {
    job.status = 'cancelled'
    return
  }
  job.status = 'completed'
  mergeVariables(state.variables, event.variables)
}

export function serviceFailed(state: InstanceState, event: ServiceFailed): void {
  const job = state.services[event.taskId]
  if (job === undefined) return
  job.status = 'failed'
  job.lastError = event.reason
}

export function serviceRetried(state: InstanceState, event: ServiceRetried): void {
  const job = state.services[event.taskId]
  if (job === undefined) return
  job.status = 'open'
  job.attempts += 1
}

export function incidentRaised(state: InstanceState, event: IncidentRaised): void {
  state.incidents[event.incidentId] = {
    id: event.incidentId,
    nodeId: event.nodeId,
    tokenId: event.tokenId,
    taskId: event.taskId,
    reason: event.reason,
    detail: event.detail,
    retry: event.retry,
    status: 'open',
    raisedAt: event.at,
    resolvedAt: null,
  }
}

export function incidentResolved(state: InstanceState, event: IncidentResolved): void {
  const incident = state.incidents[event.incidentId]
  if (incident === undefined) return
  incident.status = 'resolved'
  incident.resolvedAt = event.at
}

export function timerScheduled(state: InstanceState, event: TimerScheduled): void {
  state.timers[event.timerId] = {
    id: event.timerId,
    nodeId: event.nodeId,
    taskId: event.taskId,
    tokenId: event.tokenId,
    duration: event.duration,
    dueAt: event.dueAt,
    action: event.action,
    status: 'pending',
    scheduledAt: event.at,
    closedAt: null,
  }
}

export function timerClosed(state: InstanceState, event: TimerFired | TimerCancelled): void {
  const timer = state.timers[event.timerId]
  if (timer === undefined) return
  timer.status = event.type === 'timer_fired' ? 'fired' : 'cancelled'
  timer.closedAt = event.at
}
