import type { EmOptions, Thresholds } from './types.js'

/** Level index standing for 'missing'; such a field neither counts for nor against a pair. */
export const MISSING_LEVEL = 255

/** m[f][l] = P(level l on field f | match), u the same given non-match; λ the match proportion. */
export interface FellegiSunterModel {
  readonly m: readonly (readonly number[])[]
  readonly u: readonly (readonly number[])[]
  readonly lambda: number
  readonly iterations: number
  readonly converged: boolean
}

/** Distinct comparison vectors (fieldCount level indices each) and how many pairs had each. */
export interface ComparisonPatterns {
  readonly fieldCount: number
  readonly patterns: Uint8Array
  readonly counts: Float64Array
  /** For each input pair, the index of its pattern. */
  readonly patternOfPair: Int32Array
}

const DEFAULTS = { maxIterations: 200, tolerance: 1e-6, initialLambda: 0.1 }
// The reported m and u are shrunk 1 % toward the pooled level frequencies, so a level seen only a
// few times gets no extreme weight and a level never seen gets weight 0. EM itself runs unshrunk:
// shrinking inside the loop biases λ and the rare levels.
const SHRINK = 0.01
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

const normalise = (values: number[]): number[] => {
  const total = values.reduce((a, b) => a + b, 0)
  return values.map((v) => (total > 0 ? v / total : 1 / values.length))
}

const levelFrequencies = (data: ComparisonPatterns, levelCounts: readonly number[]): number[][] =>
  levelCounts.map((count, f) => {
    const seen = new Array<number>(count).fill(0)
    data.counts.forEach((n, p) => {
      const level = data.patterns[p * data.fieldCount + f] ?? MISSING_LEVEL
      if (level !== MISSING_LEVEL) seen[level] = (seen[level] ?? 0) + n
    })
    return seen
  })

/** Log-probability of a pattern under one class, missing fields skipped. */
const logLikelihood = (data: ComparisonPatterns, p: number, probs: readonly number[][]): number => {
  let sum = 0
  for (let f = 0; f < data.fieldCount; f++) {
    const level = data.patterns[p * data.fieldCount + f] ?? MISSING_LEVEL
    if (level !== MISSING_LEVEL) sum += Math.log(Math.max(FLOOR, probs[f]?.[level] ?? FLOOR))
  }
  return sum
}

const matchShares = (data: ComparisonPatterns, m: number[][], u: number[][], lambda: number) =>
  Array.from(data.counts, (_, p) => {
    const logM = Math.log(lambda) + logLikelihood(data, p, m)
    const logU = Math.log(1 - lambda) + logLikelihood(data, p, u)
    return 1 / (1 + Math.exp(logU - logM))
  })

const smoothed = (counts: number[], pooled: readonly number[], shrink: number): number[] => {
  const total = counts.reduce((a, b) => a + b, 0)
  return counts.map((c, l) => (c + shrink * total * (pooled[l] ?? 0)) / (total * (1 + shrink)))
}

const maximise = (
  data: ComparisonPatterns,
  levelCounts: readonly number[],
  shares: readonly number[],
  pooled: readonly number[][],
  shrink = 0,
): { m: number[][]; u: number[][] } => {
  const cm = levelCounts.map((n) => new Array<number>(n).fill(0))
  const cu = levelCounts.map((n) => new Array<number>(n).fill(0))
  data.counts.forEach((n, p) => {
    const g = shares[p] ?? 0
    for (let f = 0; f < data.fieldCount; f++) {
      const level = data.patterns[p * data.fieldCount + f] ?? MISSING_LEVEL
      const mRow = cm[f]
      const uRow = cu[f]
      if (level === MISSING_LEVEL || mRow === undefined || uRow === undefined) continue
      mRow[level] = (mRow[level] ?? 0) + n * g
      uRow[level] = (uRow[level] ?? 0) + n * (1 - g)
    }
  })
  const norm = (rows: number[][]) =>
    rows.map((row, f) => (row.some((c) => c > 0) ? smoothed(row, pooled[f] ?? [], shrink) : row))
  return { m: norm(cm), u: norm(cu) }
}

const largestChange = (before: number[][], after: number[][]): number =>
  Math.max(0, ...before.flatMap((row, f) => row.map((v, l) => Math.abs(v - (after[f]?.[l] ?? 0)))))

/** Geometric start: match pairs mostly at the best levels; non-match pairs as observed. */
const initialM = (levelCounts: readonly number[]): number[][] =>
  levelCounts.map((n) => normalise(Array.from({ length: n }, (_, l) => 4 ** (n - 1 - l))))

interface EmState {
  readonly m: number[][]
  readonly u: number[][]
  readonly lambda: number
}

const LAMBDA_BOUND = 1e-9

/** One E step (match share of each pattern) and M step (m, u and λ from those shares). */
const emStep = (
  data: ComparisonPatterns,
  levelCounts: readonly number[],
  pooled: readonly number[][],
  state: EmState,
): EmState => {
  const shares = matchShares(data, state.m, state.u, state.lambda)
  const total = data.counts.reduce((a, b) => a + b, 0)
  const matches = shares.reduce((sum, g, p) => sum + g * (data.counts[p] ?? 0), 0)
  const lambda = Math.min(1 - LAMBDA_BOUND, Math.max(LAMBDA_BOUND, matches / total))
  return { ...maximise(data, levelCounts, shares, pooled), lambda }
}

const largestMove = (before: EmState, after: EmState): number =>
  Math.max(
    largestChange(before.m, after.m),
    largestChange(before.u, after.u),
    Math.abs(before.lambda - after.lambda),
  )

/**
 * Unsupervised EM for Fellegi–Sunter m and u per field level and the match proportion λ, from
 * the candidate pairs' comparison patterns, assuming fields independent within each class.
 */
export const estimateModel = (
  data: ComparisonPatterns,
  levelCounts: readonly number[],
  options: EmOptions = {},
): FellegiSunterModel => {
  const { maxIterations, tolerance, initialLambda } = { ...DEFAULTS, ...options }
  const pooled = levelFrequencies(data, levelCounts).map(normalise)
  let state: EmState = {
    m: initialM(levelCounts),
    u: pooled.map((row) => [...row]),
    lambda: initialLambda,
  }
  let iterations = 0
  let converged = data.counts.length === 0
  while (iterations < maxIterations && !converged) {
    iterations++
    const next = emStep(data, levelCounts, pooled, state)
    converged = largestMove(state, next) < tolerance
    state = next
  }
  const shares = matchShares(data, state.m, state.u, state.lambda)
  const shrunk = maximise(data, levelCounts, shares, pooled, SHRINK)
  return orientMatchClass({ ...shrunk, lambda: state.lambda, iterations, converged })
}

// EM does not know which latent class is "match": it is the one that agrees more often.
const orientMatchClass = (model: FellegiSunterModel): FellegiSunterModel => {
  const agreeing = model.m.filter((row, f) => (row[0] ?? 0) > (model.u[f]?.[0] ?? 0)).length
  if (agreeing * 2 >= model.m.length) return model
  return { ...model, m: model.u, u: model.m, lambda: 1 - model.lambda }
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
