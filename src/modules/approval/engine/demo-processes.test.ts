import { describe, expect, it } from 'vitest'
import { DEMO_PROCESSES } from '../../catalog/demo/index.js'
import { compile, Harness } from './engine-test-support.js'

/** Completes every open task (the decision with `approved`) until the instance waits on a job or ends. */
function work(h: Harness, approved: boolean): void {
  for (let guard = 0; guard < 50 && h.openTasks().length > 0; guard += 1) {
    const [task] = h.openTasks()
    if (task === undefined) break
    const decision = task.nodeId === 'decide' ? { approved } : {}
    h.run({ type: 'complete', taskId: task.id, actorId: `staff-${task.nodeId}`, ...decision })
  }
}

describe('demo processes', () => {
  for (const [code, xml] of Object.entries(DEMO_PROCESSES)) {
    it(`${code}: approval runs through the service task to the end`, async () => {
      const h = new Harness(await compile(xml))
      h.run({ type: 'start', variables: { applicant: 'demo' } })
      work(h, true)
      const jobs = h.openServices()
      expect(jobs).toHaveLength(1)
      const job = h.state.services[jobs[0] ?? '']
      if (job?.topic === 'issue-licence') expect(job.inputs.licenceType).toBeTruthy()
      h.run({ type: 'completeService', taskId: jobs[0] ?? '' })
      expect(h.state.status).toBe('completed')
      expect(h.state.endNodeIds).toEqual(['end_approved'])
      expect(h.state.variables.approved).toBe(true)
    })

    it(`${code}: rejection ends without the service task`, async () => {
      const h = new Harness(await compile(xml))
      h.run({ type: 'start', variables: {} })
      work(h, false)
      expect(Object.keys(h.state.services)).toHaveLength(0)
      expect(h.state.status).toBe('completed')
      expect(h.state.endNodeIds).toEqual(['end_rejected'])
    })
  }

  it('reaches the licence service task in the licence demos', async () => {
    const topics = new Set<string>()
    for (const xml of Object.values(DEMO_PROCESSES)) {
      const h = new Harness(await compile(xml))
      h.run({ type: 'start', variables: {} })
      work(h, true)
      for (const id of h.openServices()) topics.add(h.state.services[id]?.topic ?? '')
    }
    expect(topics).toContain('issue-licence')
  })
})
