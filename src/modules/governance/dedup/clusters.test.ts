import { describe, expect, it } from 'vitest'
import { buildClusters } from './clusters.js'
import { applyReviewDecisions } from './review-decisions.js'
import type { ScoredPair } from './types.js'

const edge = (a: string, b: string, posterior: number): ScoredPair => ({
  a,
  b,
  posterior,
  weight: Math.log2(posterior / (1 - posterior)),
  fields: {
    name: { level: 'exact', weight: 6 },
    idNumber: posterior > 0.95 ? { level: 'exact', weight: 14 } : { level: 'missing', weight: 0 },
  },
})

describe('clusters from matched pairs', () => {
  const clusters = buildClusters([
    edge('a', 'b', 0.99),
    edge('b', 'c', 0.92),
    edge('a', 'c', 0.97),
    edge('x', 'y', 0.999),
  ])

  it('joins transitively linked records and sorts their ids', () => {
    expect(clusters.map((c) => c.recordIds)).toEqual([
      ['a', 'b', 'c'],
      ['x', 'y'],
    ])
    expect(clusters[0]?.id).toBe('a')
  })

  it('takes the weakest joining edge as confidence, not the weakest edge', () => {
    expect(clusters[0]?.confidence).toBe(0.97)
    expect(clusters[0]?.meanPosterior).toBeCloseTo((0.99 + 0.92 + 0.97) / 3, 10)
    expect(clusters[0]?.review).toBe('unreviewed')
  })

  it('tallies per field which levels the edges reached, with their weights', () => {
    expect(clusters[0]?.evidence).toEqual([
      { field: 'name', level: 'exact', weight: 6, pairs: 3 },
      { field: 'idNumber', level: 'exact', weight: 14, pairs: 2 },
      { field: 'idNumber', level: 'missing', weight: 0, pairs: 1 },
    ])
  })

  it('returns nothing without edges', () => {
    expect(buildClusters([])).toEqual([])
  })
})

describe('applying kept review decisions', () => {
  const clusters = buildClusters([
    edge('a', 'b', 0.99),
    edge('b', 'c', 0.93),
    edge('c', 'd', 0.98),
    edge('x', 'y', 0.91),
  ])

  it('marks a confirmed cluster with confidence 1', () => {
    const reviewed = applyReviewDecisions(clusters, [{ kind: 'confirm', recordIds: ['x', 'y'] }])
    expect(reviewed.find((c) => c.id === 'x')).toMatchObject({ review: 'confirmed', confidence: 1 })
    expect(reviewed.find((c) => c.id === 'a')?.review).toBe('unreviewed')
  })

  it('keeps the groups of a split apart and drops the edges between them', () => {
    const reviewed = applyReviewDecisions(clusters, [
      {
        kind: 'split',
        groups: [
          ['a', 'b'],
          ['c', 'd'],
        ],
      },
    ])
    expect(reviewed.map((c) => [c.recordIds, c.review])).toEqual([
      [['a', 'b'], 'confirmed'],
      [['c', 'd'], 'confirmed'],
      [['x', 'y'], 'unreviewed'],
    ])
    expect(reviewed.flatMap((c) => c.edges).some((e) => e.a === 'b' && e.b === 'c')).toBe(false)
  })

  it('lets a record not named in a split join the group it matches most strongly', () => {
    const reviewed = applyReviewDecisions(clusters, [{ kind: 'split', groups: [['a'], ['d']] }])
    expect(reviewed.map((c) => c.recordIds)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['x', 'y'],
    ])
  })

  it('confirms records together even where no edge links them', () => {
    const reviewed = applyReviewDecisions(clusters, [{ kind: 'confirm', recordIds: ['d', 'x'] }])
    expect(reviewed.map((c) => c.recordIds)).toEqual([['a', 'b', 'c', 'd', 'x', 'y']])
  })

  it('follows the latest decision that names a record', () => {
    const reviewed = applyReviewDecisions(clusters, [
      { kind: 'split', groups: [['x'], ['y']] },
      { kind: 'confirm', recordIds: ['x', 'y'] },
    ])
    expect(reviewed.find((c) => c.id === 'x')).toMatchObject({ review: 'confirmed' })
    const splitAgain = applyReviewDecisions(reviewed, [
      { kind: 'confirm', recordIds: ['x', 'y'] },
      { kind: 'split', groups: [['x'], ['y']] },
    ])
    expect(splitAgain.find((c) => c.recordIds.includes('x'))).toBeUndefined()
  })

  it('keeps a confirmed cluster that gained a new record unreviewed', () => {
    const grown = buildClusters([edge('x', 'y', 0.91), edge('y', 'z', 0.95)])
    const reviewed = applyReviewDecisions(grown, [{ kind: 'confirm', recordIds: ['x', 'y'] }])
    expect(reviewed[0]).toMatchObject({ recordIds: ['x', 'y', 'z'], review: 'unreviewed' })
    expect(reviewed[0]?.confidence).toBe(0.95)
  })
})
