import { describe, expect, it } from 'vitest'
import { DEMO_PROCESSES, FOOD_BUSINESS_LICENCE } from '../../catalog/demo/index.js'
import { compile, Harness } from './engine-test-support.js'

/** The 现场核查 会签 of 食品经营许可 signs by the inspectors 受理 names; other processes ignore them. */
const INSPECTORS = ['inspector-1', 'inspector-2']

/**
 * Completes every open task (the decision with `approved`, each 会签 signer approving) until the
 * instance waits on a job or ends.
 */
function work(h: Harness, approved: boolean): void {
  for (let guard = 0; guard < 50 && h.openTasks().length > 0; guard += 1) {
    const [task] = h.openTasks()
    if (task === undefined) break
    const decision =
      task.nodeId === 'decide' ? { approved } : task.assignee ? { approved: true } : {}
    const actorId = task.assignee ?? `staff-${task.nodeId}`
    h.run({ type: 'complete', taskId: task.id, actorId, ...decision })
  }
}

describe('demo processes', () => {
  for (const [code, xml] of Object.entries(DEMO_PROCESSES)) {
    it(`${code}: approval runs through the service task to the end`, async () => {
      const h = new Harness(await compile(xml))
      h.run({ type: 'start', variables: { applicant: 'demo', inspectors: INSPECTORS } })
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
      h.run({ type: 'start', variables: { inspectors: INSPECTORS } })
      work(h, false)
      expect(Object.keys(h.state.services)).toHaveLength(0)
      expect(h.state.status).toBe('completed')
      expect(h.state.endNodeIds).toEqual(['end_rejected'])
    })
  }

  it('食品经营许可: 现场核查 is a 会签 of the inspectors 受理 names; one alone does not finish it', async () => {
    const xml = DEMO_PROCESSES[FOOD_BUSINESS_LICENCE.implementationCode] ?? ''
    const h = new Harness(await compile(xml))
    h.run({ type: 'start', variables: {} })
    const accept = h.task('accept')
    h.run({
      type: 'complete',
      taskId: accept.id,
      actorId: 'clerk',
      approved: true,
      variables: { inspectors: INSPECTORS },
    })
    h.run({ type: 'complete', taskId: h.task('material_review').id, actorId: 'clerk' })
    const signers = h.openTasks('inspection')
    expect(signers.map((t) => t.assignee)).toEqual(INSPECTORS)
    h.run({
      type: 'complete',
      taskId: signers[0]?.id ?? '',
      actorId: 'inspector-1',
      approved: true,
    })
    expect(h.openTasks('inspection').map((t) => t.assignee)).toEqual(['inspector-2'])
    expect(h.openTasks('decide')).toHaveLength(0)
    h.run({
      type: 'complete',
      taskId: signers[1]?.id ?? '',
      actorId: 'inspector-2',
      approved: true,
    })
    expect(h.openTasks('decide')).toHaveLength(1)
  })

  it('reaches the licence service task in the licence demos', async () => {
    const topics = new Set<string>()
    for (const xml of Object.values(DEMO_PROCESSES)) {
      const h = new Harness(await compile(xml))
      h.run({ type: 'start', variables: { inspectors: INSPECTORS } })
      work(h, true)
      for (const id of h.openServices()) topics.add(h.state.services[id]?.topic ?? '')
    }
    expect(topics).toContain('issue-licence')
  })
})
