import { emit, type Draft } from './engine-draft.js'
import type { IncidentRaised } from './engine-events.js'
import { engineError, type EngineError } from './engine-errors.js'
import { enqueue, leaveNode } from './propagate.js'
import { reopenService } from './service-tasks.js'

type IncidentFields = Omit<IncidentRaised, 'type' | 'at' | 'incidentId'>

export function raiseIncident(draft: Draft, fields: IncidentFields): void {
  emit(draft, { type: 'incident_raised', incidentId: draft.ctx.newId(), ...fields })
}

/** Re-runs what failed: a failed service job is re-opened; otherwise the node is re-entered or left. */
export function retryIncident(draft: Draft, incidentId: string, by: string): EngineError | null {
  const incident = draft.state.incidents[incidentId]
  if (incident === undefined) return engineError('incident_not_found', incidentId)
  if (incident.status !== 'open') return engineError('incident_not_open', incidentId)
  const job = incident.taskId === null ? undefined : draft.state.services[incident.taskId]
  if (job !== undefined) return reopenService(draft, job.id, by)
  emit(draft, { type: 'incident_resolved', incidentId, by })
  const node = draft.model.nodes.get(incident.nodeId)
  if (incident.retry === 'enter' || node === undefined) enqueue(draft, incident.tokenId)
  else leaveNode(draft, incident.tokenId, node)
  return null
}
