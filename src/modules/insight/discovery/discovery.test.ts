import { describe, expect, it } from 'vitest'
import { caseActivities } from '../log/event-log.js'
import { logOf, logOfVariants } from '../log/test-support.js'
import { computeVariants } from '../log/variants.js'
import { directlyFollowsGraph } from './dfg.js'
import { applyFilters } from './filters.js'

const H = 3_600_000

describe('directly-follows graph', () => {
  it('counts activities, edges, start and end activities of a known log', () => {
    // abc ×3, acb ×2, ad ×1
    const dfg = directlyFollowsGraph(
      logOfVariants([
        ['abc', 3],
        ['acb', 2],
        ['ad', 1],
      ]),
    )
    expect(dfg.activities).toEqual([
      { activity: 'a', events: 6, cases: 6 },
      { activity: 'b', events: 5, cases: 5 },
      { activity: 'c', events: 5, cases: 5 },
      { activity: 'd', events: 1, cases: 1 },
    ])
    expect(dfg.edges.map(({ from, to, count, cases }) => `${from}${to}:${count}/${cases}`)).toEqual(
      ['ab:3/3', 'bc:3/3', 'ac:2/2', 'cb:2/2', 'ad:1/1'],
    )
    expect(dfg.startActivities).toEqual([{ activity: 'a', count: 6 }])
    expect(dfg.endActivities).toEqual([
      { activity: 'c', count: 3 },
      { activity: 'b', count: 2 },
      { activity: 'd', count: 1 },
    ])
  })

  it('measures edge durations over the pairs that have both times', () => {
    const log = logOf({
      x: [
        { a: 'a', t: '2025-01-01T00:00:00Z' },
        { a: 'b', t: '2025-01-01T01:00:00Z' },
      ],
      y: [
        { a: 'a', t: '2025-01-01T00:00:00Z' },
        { a: 'b', t: '2025-01-01T03:00:00Z' },
      ],
      z: [
        { a: 'a', t: '2025-01-01T00:00:00Z' },
        { a: 'b', t: '2025-01-01T04:00:00Z' },
      ],
      w: [{ a: 'a' }, { a: 'b', t: '2025-01-01T04:00:00Z' }],
    })
    const [edge] = directlyFollowsGraph(log).edges
    expect(edge).toMatchObject({ from: 'a', to: 'b', count: 4 })
    expect(edge?.duration).toEqual({
      count: 3,
      total: 8 * H,
      mean: (8 * H) / 3,
      median: 3 * H,
      min: H,
      max: 4 * H,
    })
  })
})

describe('variants', () => {
  it('lists variants most frequent first, with counts and some of their cases', () => {
    const variants = computeVariants(
      logOfVariants([
        ['ad', 1],
        ['abc', 3],
        ['acb', 3],
      ]),
      { maxCaseIds: 2 },
    )
    expect(variants).toEqual([
      { activities: ['a', 'b', 'c'], count: 3, caseIds: ['c2', 'c3'] },
      { activities: ['a', 'c', 'b'], count: 3, caseIds: ['c5', 'c6'] },
      { activities: ['a', 'd'], count: 1, caseIds: ['c1'] },
    ])
  })
})

describe('filters', () => {
  const log = logOfVariants([
    ['abc', 5],
    ['acb', 3],
    ['ad', 1],
    ['abcx', 1],
  ])

  it('keeps the top variants, by rank or until a share of cases is covered', () => {
    expect(applyFilters(log, [{ kind: 'variant', top: 1 }]).caseCount).toBe(5)
    expect(applyFilters(log, [{ kind: 'variant', coverage: 0.8 }]).caseCount).toBe(8)
    expect(applyFilters(log, [{ kind: 'variant', ranks: [2, 3] }]).caseIds).toEqual(['c9', 'c10'])
  })

  it('drops events of rare activities and cases with rare paths', () => {
    const frequent = applyFilters(log, [{ kind: 'activity-frequency', minEvents: 2 }])
    expect(frequent.caseCount).toBe(10)
    expect(caseActivities(frequent, 8)).toEqual(['a'])
    expect(caseActivities(frequent, 9)).toEqual(['a', 'b', 'c'])
    expect(applyFilters(log, [{ kind: 'path-frequency', minCount: 3 }]).caseCount).toBe(8)
  })

  it('keeps cases or events by department, staff or a trace attribute', () => {
    const staffed = logOf(
      {
        p: [
          { a: 'a', g: '住建局', r: 'li' },
          { a: 'b', g: '消防救援支队', r: 'wang' },
        ],
        q: [{ a: 'a', g: '市场监管局', r: 'li' }],
      },
      {},
      { p: { channel: 'web' }, q: { channel: 'counter' } },
    )
    const byDept = applyFilters(staffed, [
      { kind: 'attribute', key: 'org:group', values: ['住建局'], mode: 'cases' },
    ])
    expect(byDept.caseIds).toEqual(['p'])
    expect(byDept.eventCount).toBe(2)
    const events = applyFilters(staffed, [
      { kind: 'attribute', key: 'org:resource', values: ['li'], mode: 'events' },
    ])
    expect(events.eventCount).toBe(2)
    const byChannel = applyFilters(staffed, [
      { kind: 'attribute', key: 'channel', values: ['counter'], mode: 'cases' },
    ])
    expect(byChannel.caseIds).toEqual(['q'])
  })

  it('keeps cases by time window', () => {
    const timed = logOf({
      early: [
        { a: 'a', t: '2025-01-01T00:00:00Z' },
        { a: 'b', t: '2025-01-02T00:00:00Z' },
      ],
      across: [
        { a: 'a', t: '2025-01-02T12:00:00Z' },
        { a: 'b', t: '2025-02-02T00:00:00Z' },
      ],
    })
    const window = { from: '2025-01-01T00:00:00Z', to: '2025-01-31T00:00:00Z' }
    expect(
      applyFilters(timed, [{ kind: 'time-window', ...window, mode: 'contained' }]).caseIds,
    ).toEqual(['early'])
    expect(
      applyFilters(timed, [{ kind: 'time-window', ...window, mode: 'intersecting' }]).caseCount,
    ).toBe(2)
    expect(
      applyFilters(timed, [{ kind: 'time-window', ...window, mode: 'completed' }]).caseIds,
    ).toEqual(['early'])
    expect(
      applyFilters(timed, [{ kind: 'time-window', ...window, mode: 'events' }]).eventCount,
    ).toBe(3)
  })
})
