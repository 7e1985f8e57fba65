import * as job from './apply-job.js'
import * as task from './apply-task.js'
import * as token from './apply-token.js'
import type { EngineEvent } from './engine-events.js'
import type { InstanceState } from './instance-state.js'

/** Applies one event to the state in place: the single definition of what each event means. */
export function applyEvent(state: InstanceState, event: EngineEvent): void {
  state.version += 1
  switch (event.type) {
    case 'instance_started':
      return token.instanceStarted(state, event)
    case 'token_created':
      return token.tokenCreated(state, event)
    case 'token_moved':
      return token.tokenMoved(state, event)
    case 'token_forked':
      return token.tokenForked(state, event)
    case 'tokens_joined':
      return token.tokensJoined(state, event)
    case 'token_relocated':
      return token.tokenRelocated(state, event)
    case 'token_ended':
      return token.tokenEnded(state, event)
    case 'variables_set':
      return token.variablesSet(state, event)
    case 'instance_completed':
      return token.instanceCompleted(state, event)
    case 'instance_terminated':
      return token.instanceTerminated(state, event)
    case 'group_opened':
      return task.groupOpened(state, event)
    case 'group_closed':
      return task.groupClosed(state, event)
    case 'task_opened':
      return task.taskOpened(state, event)
    case 'task_claimed':
      return task.taskClaimed(state, event)
    case 'task_reassigned':
      return task.taskReassigned(state, event)
    case 'task_suspended':
    case 'task_resumed':
      return task.taskSuspendedOrResumed(state, event)
    case 'task_completed':
      return task.taskCompleted(state, event)
    case 'task_cancelled':
      return task.taskCancelled(state, event)
    case 'signer_added':
      return task.signerAdded(state, event)
    case 'signer_removed':
      return task.signerRemoved(state, event)
    case 'service_opened':
      return job.serviceOpened(state, event)
    case 'service_completed':
    case 'service_cancelled':
      return job.serviceClosed(state, event)
    case 'service_failed':
      return job.serviceFailed(state, event)
    case 'service_retried':
      return job.serviceRetried(state, event)
    case 'incident_raised':
      return job.incidentRaised(state, event)
    case 'incident_resolved':
      return job.incidentResolved(state, event)
    case 'timer_scheduled':
      return job.timerScheduled(state, event)
    case 'timer_fired':
    case 'timer_cancelled':
      return job.timerClosed(state, event)
  }
}
