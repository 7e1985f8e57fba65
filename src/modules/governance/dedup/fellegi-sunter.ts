import type { Thresholds } from './types.js'

/** Level index standing for 'missing'; such a field neither counts for nor against a pair. */
export const MISSING_LEVEL = 255

/** What training learned from one blocking rule's pairs. */
export interface SessionOutcome {
  readonly rule: string
  /** Candidate pairs agreeing on the rule's key. */
  readonly pairs: number
  /** False when it had no pairs, or fewer than two fields its key does not read. */
  readonly trained: boolean
  /** The match share EM found among them. */
  readonly lambda: number
  /** Expected matched pairs among them: how much this rule taught m. */
  readonly matches: number
  readonly iterations: number
  readonly converged: boolean
}

/** m[f][l] = P(level l on field f | match), u the same given non-match; λ the match proportion. */
export interface FellegiSunterModel {
  readonly m: readonly (readonly number[])[]
  readonly u: readonly (readonly number[])[]
  readonly lambda: number
  /** The most EM iterations any rule took. */
  readonly iterations: number
  readonly converged: boolean
  readonly sessions: readonly SessionOutcome[]
}

/** Distinct comparison vectors (fieldCount level indices each) and how many pairs had each. */
export interface ComparisonPatterns {
  readonly fieldCount: number
  readonly patterns: Uint8Array
  readonly counts: Float64Array
  /** For each input pair, the index of its pattern. */
  readonly patternOfPair: Int32Array
}

const FLOOR = 1e-12

/** Groups per-pair comparison vectors (pairs × fieldCount, row-major) into distinct patterns. */
export const compressPatterns = (vectors: Uint8Array, fieldCount: number): ComparisonPatterns => {
  const pairCount = fieldCount === 0 ? 0 : vectors.length / fieldCount
  // Levels are < 255, so a vector is a base-256 number; exact in a double up to 6 fields.
  const numeric = fieldCount <= 6
  const index = new Map<number | string, number>()
  const rows: number[] = []
  const counts: number[] = []
  const patternOfPair = new Int32Array(pairCount)
  for (let p = 0; p < pairCount; p++) {
    const start = p * fieldCount
    let key: number | string = 0
    if (numeric) for (let f = 0; f < fieldCount; f++) key = key * 256 + (vectors[start + f] ?? 0)
    else key = vectors.subarray(start, start + fieldCount).join(',')
    let id = index.get(key)
    if (id === undefined) {
      id = counts.length
      index.set(key, id)
      for (let f = 0; f < fieldCount; f++) rows.push(vectors[start + f] ?? 0)
      counts.push(0)
    }
    counts[id] = (counts[id] ?? 0) + 1
    patternOfPair[p] = id
  }
  return {
    fieldCount,
    patterns: Uint8Array.from(rows),
    counts: Float64Array.from(counts),
    patternOfPair,
  }
}

/** log2(m/u) per field level; 0 for a level neither class ever showed. */
export const matchWeights = (model: FellegiSunterModel): number[][] =>
  model.m.map((row, f) =>
    row.map((m, l) => Math.log2(Math.max(FLOOR, m) / Math.max(FLOOR, model.u[f]?.[l] ?? 0))),
  )

/** Sum of the level weights of one comparison vector, missing fields adding nothing. */
export const totalWeight = (levels: ArrayLike<number>, weights: readonly number[][]): number => {
  let sum = 0
  for (let f = 0; f < levels.length; f++) {
    const level = levels[f] ?? MISSING_LEVEL
    if (level !== MISSING_LEVEL) sum += weights[f]?.[level] ?? 0
  }
  return sum
}

/** P(match | weight) = 1 / (1 + (1 − λ)/λ · 2^−weight). */
export const posteriorProbability = (weight: number, lambda: number): number =>
  1 / (1 + ((1 - lambda) / lambda) * 2 ** -weight)

export const DEFAULT_THRESHOLDS: Thresholds = { match: 0.9, possible: 0.5 }

export type MatchStatus = 'match' | 'possible' | 'non-match'

export const classify = (posterior: number, thresholds: Thresholds): MatchStatus => {
  if (posterior >= thresholds.match) return 'match'
  return posterior >= thresholds.possible ? 'possible' : 'non-match'
}
