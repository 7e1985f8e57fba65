import { describe, expect, it } from 'vitest'
import {
  compile,
  end,
  flow,
  Harness,
  processXml,
  serviceTask,
  start,
} from './engine-test-support.js'

const xml = processXml(
  start(),
  serviceTask('issue', 'issue-licence', { licenceType: 'business_licence' }),
  end(),
  flow('start', 'issue'),
  flow('issue', 'end'),
)

async function started(): Promise<{ h: Harness; jobId: string }> {
  const h = new Harness(await compile(xml))
  h.run({ type: 'start', variables: {} })
  const [jobId] = h.openServices()
  if (jobId === undefined) throw new Error('no job')
  return { h, jobId }
}

describe('service tasks', () => {
  it('opens a job with its topic and inputs and goes on when it completes', async () => {
    const { h, jobId } = await started()
    expect(h.state.services[jobId]).toMatchObject({
      nodeId: 'issue',
      topic: 'issue-licence',
      inputs: { licenceType: 'business_licence' },
      status: 'open',
    })
    h.run({ type: 'completeService', taskId: jobId, variables: { licenceNo: 'L-1' } })
    expect(h.state.variables.licenceNo).toBe('L-1')
    expect(h.state.status).toBe('completed')
    expect(h.refuse({ type: 'completeService', taskId: jobId })).toBe('instance_not_running')
  })

  it('turns a failure into an incident; a retry opens the job again', async () => {
    const { h, jobId } = await started()
    expect(h.refuse({ type: 'failService', taskId: jobId, reason: '' })).toBe('reason_required')
    expect(h.refuse({ type: 'retryService', taskId: jobId })).toBe('service_not_failed')
    h.run({ type: 'failService', taskId: jobId, reason: '证照库超时' })
    expect(h.state.services[jobId]).toMatchObject({ status: 'failed', lastError: '证照库超时' })
    expect(Object.values(h.state.incidents)).toMatchObject([
      { nodeId: 'issue', taskId: jobId, reason: 'service_failed', status: 'open' },
    ])
    expect(h.liveNodes()).toEqual(['issue'])
    expect(h.refuse({ type: 'completeService', taskId: jobId })).toBe('task_not_open')
    h.run({ type: 'retryService', taskId: jobId })
    expect(h.state.services[jobId]).toMatchObject({ status: 'open', attempts: 2 })
    expect(Object.values(h.state.incidents)[0]?.status).toBe('resolved')
    h.run({ type: 'completeService', taskId: jobId })
    expect(h.state.status).toBe('completed')
  })

  it('retries a failed job through its incident too', async () => {
    const { h, jobId } = await started()
    h.run({ type: 'failService', taskId: jobId, reason: 'down' })
    const incidentId = Object.keys(h.state.incidents)[0] ?? ''
    h.run({ type: 'retryIncident', incidentId, actorId: 'admin' })
    expect(h.state.services[jobId]?.status).toBe('open')
    expect(h.refuse({ type: 'retryIncident', incidentId, actorId: 'admin' })).toBe(
      'incident_not_open',
    )
  })
})
