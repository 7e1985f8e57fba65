import { describe, expect, it } from 'vitest'
import type { DedupModel } from '../dedup/index.js'
import { modelWarnings, trainingMatches } from './dedup-warnings.js'

const model = (matches: readonly number[]): DedupModel => ({
  m: {},
  u: {},
  weights: { name: { exact: 6, different: -2 } },
  lambda: 0.001,
  iterations: 10,
  converged: true,
  training: matches.map((n, i) => ({
    rule: `rule-${i}`,
    pairs: 1000,
    trained: true,
    lambda: n / 1000,
    matches: n,
    iterations: 5,
    converged: true,
  })),
})

describe('dedup model warnings', () => {
  it('warns that clusters rest on the prior when training saw almost no matches', () => {
    const few = model([3, 2.5, 0])
    expect(trainingMatches(few)).toBe(5.5)
    const [warning] = modelWarnings(few, 2)
    expect(warning?.en).toContain('about 5.5 pairs')
    expect(warning?.zh).toContain('2 组')
  })

  it('says nothing when there are no clusters to doubt', () => {
    expect(modelWarnings(model([0, 0]), 0)).toEqual([])
  })

  it('says nothing about a model trained on enough matches', () => {
    expect(modelWarnings(model([400, 12]), 300)).toEqual([])
  })
})
