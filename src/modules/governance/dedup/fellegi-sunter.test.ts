import { describe, expect, it } from 'vitest'
import { seededRandom } from './chinese-person-fixtures.js'
import type { Random } from './chinese-person-fixtures.js'
import {
  classify,
  compressPatterns,
  matchWeights,
  MISSING_LEVEL,
  posteriorProbability,
  totalWeight,
} from './fellegi-sunter.js'
import { trainModel } from './training.js'
import type { TrainingSession } from './training.js'

const TRUE_M = [
  [0.9, 0.07, 0.03],
  [0.85, 0.15],
  [0.8, 0.1, 0.05, 0.05],
]
const TRUE_U = [
  [0.05, 0.15, 0.8],
  [0.3, 0.7],
  [0.02, 0.08, 0.3, 0.6],
]
const TRUE_LAMBDA = 0.08

const draw = (random: Random, probabilities: readonly number[]): number => {
  let r = random()
  for (const [level, p] of probabilities.entries()) {
    if ((r -= p) < 0) return level
  }
  return probabilities.length - 1
}

/** Comparison vectors sampled from a known model, with 10 % of values missing. */
const synthetic = (pairs: number) => {
  const random = seededRandom(42)
  const vectors = new Uint8Array(pairs * TRUE_M.length)
  const truth: boolean[] = []
  for (let p = 0; p < pairs; p++) {
    const match = random() < TRUE_LAMBDA
    truth.push(match)
    const probs = match ? TRUE_M : TRUE_U
    probs.forEach((row, f) => {
      vectors[p * probs.length + f] = random() < 0.1 ? MISSING_LEVEL : draw(random, row)
    })
  }
  return { vectors, truth }
}

/** The true u as random pairs would measure it: a little noise, never zero. */
const RANDOM_U = TRUE_U.map((row) => row.map((u, l) => u * (l % 2 === 0 ? 1.05 : 0.95)))

const everyPair = (data: ReturnType<typeof compressPatterns>): TrainingSession => ({
  name: 'all',
  counts: data.counts,
  excluded: new Set(),
})

describe('Fellegi–Sunter training, u from random pairs, m by EM', () => {
  const { vectors, truth } = synthetic(20_000)
  const data = compressPatterns(vectors, TRUE_M.length)
  const model = trainModel(data, [3, 2, 4], RANDOM_U, [everyPair(data)])

  it('groups identical comparison vectors into counted patterns', () => {
    expect(data.counts.reduce((a, b) => a + b, 0)).toBe(20_000)
    expect(data.counts.length).toBeLessThanOrEqual(4 * 3 * 5)
    expect(data.patternOfPair).toHaveLength(20_000)
  })

  it('recovers the match proportion and the m and u probabilities without labels', () => {
    expect(model.converged).toBe(true)
    expect(model.lambda).toBeCloseTo(TRUE_LAMBDA, 2)
    model.m.forEach((row, f) =>
      row.forEach((m, l) => expect(Math.abs(m - (TRUE_M[f]?.[l] ?? 0))).toBeLessThan(0.04)),
    )
    model.u.forEach((row, f) =>
      row.forEach((u, l) => expect(Math.abs(u - (TRUE_U[f]?.[l] ?? 0))).toBeLessThan(0.02)),
    )
    expect(model.sessions).toEqual([
      expect.objectContaining({ rule: 'all', pairs: 20_000, trained: true }),
    ])
  })

  it('gives agreement positive and disagreement negative log2 weights', () => {
    const weights = matchWeights(model)
    expect(weights[0]?.[0]).toBeCloseTo(Math.log2(0.9 / 0.05), 0)
    expect(weights[0]?.[2]).toBeLessThan(-4)
    expect(weights[1]?.[0]).toBeGreaterThan(1)
  })

  it('separates the sampled matches from the non-matches by posterior', () => {
    const weights = matchWeights(model)
    let errors = 0
    for (let p = 0; p < truth.length; p++) {
      const weight = totalWeight(vectors.subarray(p * 3, p * 3 + 3), weights)
      const match = posteriorProbability(weight, model.lambda) >= 0.5
      if (match !== truth[p]) errors++
    }
    expect(errors / truth.length).toBeLessThan(0.02)
  })

  it('finds the match class whichever way it starts', () => {
    const flipped = trainModel(data, [3, 2, 4], RANDOM_U, [everyPair(data)], {
      initialLambda: 0.99,
    })
    expect(flipped.lambda).toBeCloseTo(TRUE_LAMBDA, 2)
  })

  it('stops at the iteration limit', () => {
    const short = trainModel(data, [3, 2, 4], RANDOM_U, [everyPair(data)], { maxIterations: 2 })
    expect(short).toMatchObject({ iterations: 2, converged: false })
  })
})

describe('Fellegi–Sunter training on pairs with no matches', () => {
  // Pairs drawn from u alone, as when a file holds no duplicate: plain EM over such pairs makes
  // up a match class from noise (here λ 0.011, a field's exact agreement weighing −3 and a near
  // miss +3; on real candidate pairs λ 0.998).
  const random = seededRandom(7)
  const vectors = new Uint8Array(20_000 * 3)
  for (let p = 0; p < 20_000; p++) {
    TRUE_U.forEach((row, f) => (vectors[p * 3 + f] = draw(random, row)))
  }
  const data = compressPatterns(vectors, 3)
  const model = trainModel(data, [3, 2, 4], RANDOM_U, [everyPair(data)])

  it('ends with a match share near zero', () => {
    expect(model.lambda).toBeLessThan(0.001)
  })

  it('never weighs agreement below disagreement on any field', () => {
    for (const row of matchWeights(model)) {
      row.slice(1).forEach((weight, l) => expect(weight).toBeLessThanOrEqual((row[l] ?? 0) + 1e-9))
    }
  })

  it('calls no pair a match', () => {
    const weights = matchWeights(model)
    const posteriors = Array.from(data.counts, (_, p) =>
      posteriorProbability(
        totalWeight(data.patterns.subarray(p * 3, p * 3 + 3), weights),
        model.lambda,
      ),
    )
    expect(Math.max(...posteriors)).toBeLessThan(0.5)
  })
})

describe('match weights and decisions', () => {
  it('adds nothing for a missing field', () => {
    expect(
      totalWeight(
        [0, MISSING_LEVEL],
        [
          [3, -2],
          [5, -1],
        ],
      ),
    ).toBe(3)
  })

  it('turns a weight into a posterior with the prior λ', () => {
    expect(posteriorProbability(0, 0.5)).toBe(0.5)
    expect(posteriorProbability(Math.log2(99), 0.5)).toBeCloseTo(0.99, 10)
    expect(posteriorProbability(10, 0.01)).toBeCloseTo(1 / (1 + 99 / 1024), 10)
  })

  it('classifies posteriors against the thresholds', () => {
    const thresholds = { match: 0.9, possible: 0.5 }
    expect(classify(0.95, thresholds)).toBe('match')
    expect(classify(0.6, thresholds)).toBe('possible')
    expect(classify(0.2, thresholds)).toBe('non-match')
  })
})
