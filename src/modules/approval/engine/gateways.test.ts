import { describe, expect, it } from 'vitest'
import {
  compile,
  end,
  flow,
  gateway,
  Harness,
  processXml,
  start,
  userTask,
} from './engine-test-support.js'

function parallelXml(branches: number): string {
  const ids = Array.from({ length: branches }, (_, i) => `b${i}`)
  return processXml(
    start(),
    gateway('parallel', 'split'),
    ...ids.map((id) => userTask(id)),
    gateway('parallel', 'join'),
    userTask('after'),
    end(),
    flow('start', 'split'),
    ...ids.flatMap((id) => [flow('split', id), flow(id, 'join')]),
    flow('join', 'after'),
    flow('after', 'end'),
  )
}

const orders: Record<number, number[][]> = {
  2: [
    [0, 1],
    [1, 0],
  ],
  5: [
    [0, 1, 2, 3, 4],
    [4, 3, 2, 1, 0],
    [2, 0, 4, 1, 3],
  ],
}

describe('parallel gateway', () => {
  for (const branches of [2, 5]) {
    for (const order of orders[branches] ?? []) {
      it(`joins ${branches} branches completed in the order ${order.join(',')}`, async () => {
        const h = new Harness(await compile(parallelXml(branches)))
        h.run({ type: 'start', variables: {} })
        expect(h.openTasks()).toHaveLength(branches)
        for (const [n, i] of order.entries()) {
          expect(h.openTasks('after')).toHaveLength(0)
          h.complete(`b${i}`)
          expect(h.liveNodes().filter((id) => id === 'join')).toHaveLength(
            n + 1 < branches ? n + 1 : 0,
          )
        }
        expect(h.openTasks('after')).toHaveLength(1)
        h.complete('after')
        expect(h.state.status).toBe('completed')
      })
    }
  }
})

const decision = (dflt: boolean) =>
  processXml(
    start(),
    userTask('decide'),
    gateway('exclusive', 'g', dflt ? 'g_other' : undefined),
    end('big'),
    end('small'),
    ...(dflt ? [end('other')] : []),
    flow('start', 'decide'),
    flow('decide', 'g'),
    flow('g', 'big', 'amount > 100'),
    flow('g', 'small', 'amount > 10'),
    ...(dflt ? [flow('g', 'other', undefined, 'g_other')] : []),
  )

describe('exclusive gateway', () => {
  it('takes the first flow whose condition holds, in document order', async () => {
    const h = new Harness(await compile(decision(true)))
    h.run({ type: 'start', variables: { amount: 500 } })
    h.complete('decide')
    expect(h.state.endNodeIds).toEqual(['big'])
  })

  it('takes the default flow when no condition holds', async () => {
    const h = new Harness(await compile(decision(true)))
    h.run({ type: 'start', variables: {} })
    h.complete('decide')
    expect(h.state.endNodeIds).toEqual(['other'])
  })

  it('raises an incident when nothing matches and there is no default; a retry after fixing data goes on', async () => {
    const h = new Harness(await compile(decision(false)))
    h.run({ type: 'start', variables: { amount: 1 } })
    h.complete('decide')
    const incident = Object.values(h.state.incidents)[0]
    expect(incident).toMatchObject({ nodeId: 'g', reason: 'no_matching_flow', status: 'open' })
    expect(h.state.status).toBe('running')
    expect(h.liveNodes()).toEqual(['g'])
    h.run({ type: 'setVariables', actorId: 'admin', variables: { amount: 50 } })
    h.run({ type: 'retryIncident', incidentId: incident?.id ?? '', actorId: 'admin' })
    expect(h.state.incidents[incident?.id ?? '']?.status).toBe('resolved')
    expect(h.state.endNodeIds).toEqual(['small'])
    expect(h.state.status).toBe('completed')
  })
})

const inclusive = processXml(
  start(),
  gateway('inclusive', 'fork', 'fork_none'),
  userTask('tax'),
  userTask('fire'),
  userTask('health'),
  userTask('none'),
  gateway('inclusive', 'join'),
  userTask('decide'),
  end(),
  flow('start', 'fork'),
  flow('fork', 'tax', 'needTax = true'),
  flow('fork', 'fire', 'needFire = true'),
  flow('fork', 'health', 'needHealth = true'),
  flow('fork', 'none', undefined, 'fork_none'),
  flow('tax', 'join'),
  flow('fire', 'join'),
  flow('health', 'join'),
  flow('none', 'join'),
  flow('join', 'decide'),
  flow('decide', 'end'),
)

describe('inclusive gateway', () => {
  it('forks to every true flow and joins only after both arrived', async () => {
    const h = new Harness(await compile(inclusive))
    h.run({ type: 'start', variables: { needTax: true, needFire: false, needHealth: true } })
    expect(h.liveNodes()).toEqual(['health', 'tax'])
    h.complete('health')
    expect(h.liveNodes()).toEqual(['join', 'tax'])
    expect(h.openTasks('decide')).toHaveLength(0)
    const events = h.complete('tax')
    expect(events.find((e) => e.type === 'tokens_joined')).toMatchObject({ nodeId: 'join' })
    expect(h.liveNodes()).toEqual(['decide'])
    h.complete('decide')
    expect(h.state.status).toBe('completed')
  })

  it('takes the default flow when no condition holds, and the join fires for one token', async () => {
    const h = new Harness(await compile(inclusive))
    h.run({ type: 'start', variables: {} })
    expect(h.liveNodes()).toEqual(['none'])
    h.complete('none')
    expect(h.liveNodes()).toEqual(['decide'])
  })

  it('raises an incident when no flow applies and there is no default', async () => {
    const xml = processXml(
      start(),
      gateway('inclusive', 'fork'),
      end('a'),
      end('b'),
      flow('start', 'fork'),
      flow('fork', 'a', 'x = 1'),
      flow('fork', 'b', 'x = 2'),
    )
    const h = new Harness(await compile(xml))
    h.run({ type: 'start', variables: { x: 3 } })
    expect(Object.values(h.state.incidents)).toMatchObject([
      { nodeId: 'fork', reason: 'no_matching_flow' },
    ])
  })
})
