import type { CommandOf } from './engine-commands.js'
import { emit, type Draft } from './engine-draft.js'
import { engineError, type EngineError } from './engine-errors.js'
import { raiseIncident } from './incidents.js'
import type { ServiceJobState, TokenState } from './instance-state.js'
import type { ServiceTaskNode } from './process-model.js'
import { leaveNode } from './propagate.js'
import { normaliseVariables } from './variables.js'

/** Opens an external job; the token waits until the worker reports back. */
export function openService(draft: Draft, token: TokenState, node: ServiceTaskNode): void {
  emit(draft, {
    type: 'service_opened',
    taskId: draft.ctx.newId(),
    nodeId: node.id,
    tokenId: token.id,
    topic: node.topic,
    inputs: { ...node.inputs },
  })
}

function openJob(draft: Draft, taskId: string): ServiceJobState | EngineError {
  const job = draft.state.services[taskId]
  if (job === undefined) return engineError('task_not_found', taskId)
  if (job.status !== 'open') return engineError('task_not_open', `${taskId} is ${job.status}`)
  return job
}

export function completeService(
  draft: Draft,
  command: CommandOf<'completeService'>,
): EngineError | null {
  const job = openJob(draft, command.taskId)
  if ('code' in job) return job
  const variables = normaliseVariables(command.variables ?? {})
  if (variables === null) return engineError('invalid_variables')
  emit(draft, { type: 'service_completed', taskId: job.id, variables })
  const node = draft.model.nodes.get(job.nodeId)
  if (node !== undefined) leaveNode(draft, job.tokenId, node)
  return null
}

/** The worker gave up: the token waits at an incident until the job is retried. */
export function failService(draft: Draft, command: CommandOf<'failService'>): EngineError | null {
  const job = openJob(draft, command.taskId)
  if ('code' in job) return job
  if (command.reason.trim() === '') return engineError('reason_required')
  emit(draft, { type: 'service_failed', taskId: job.id, reason: command.reason })
  raiseIncident(draft, {
    nodeId: job.nodeId,
    tokenId: job.tokenId,
    taskId: job.id,
    reason: 'service_failed',
    detail: command.reason,
    retry: 'enter',
  })
  return null
}

/** Resolves the job's incidents and opens the failed job again. */
export function reopenService(draft: Draft, taskId: string, by: string | null): EngineError | null {
  const job = draft.state.services[taskId]
  if (job === undefined) return engineError('task_not_found', taskId)
  if (job.status !== 'failed')
    return engineError('service_not_failed', `${taskId} is ${job.status}`)
  for (const incident of Object.values(draft.state.incidents)) {
    if (incident.taskId === taskId && incident.status === 'open')
      emit(draft, { type: 'incident_resolved', incidentId: incident.id, by })
  }
  emit(draft, { type: 'service_retried', taskId })
  return null
}
