import { allPairsCount, blockingKeys, generateCandidatePairs } from './blocking.js'
import type { BlockStats, CandidatePairs } from './blocking.js'
import { buildClusters } from './clusters.js'
import { prepareField, supportsTransform } from './field-comparators.js'
import type { PreparedField } from './field-comparators.js'
import {
  classify,
  compressPatterns,
  DEFAULT_THRESHOLDS,
  matchWeights,
  MISSING_LEVEL,
  posteriorProbability,
  totalWeight,
} from './fellegi-sunter.js'
import type { ComparisonPatterns, FellegiSunterModel, SessionOutcome } from './fellegi-sunter.js'
import { trainModel } from './training.js'
import { trainingSessions } from './training-sessions.js'
import { estimateU } from './u-sampling.js'
import type {
  ComparisonLevel,
  DedupConfig,
  DedupRecord,
  DuplicateCluster,
  FieldComparison,
  ScoredPair,
  Thresholds,
} from './types.js'

type LevelTable = Readonly<Record<string, Readonly<Partial<Record<ComparisonLevel, number>>>>>

/** The trained model, keyed by field and level name. */
export interface DedupModel {
  readonly m: LevelTable
  readonly u: LevelTable
  /** log2(m/u). */
  readonly weights: LevelTable
  readonly lambda: number
  readonly iterations: number
  readonly converged: boolean
  /** Per blocking rule: its pairs, the match share EM found there, the matches m learned from. */
  readonly training: readonly SessionOutcome[]
}

export interface DedupResult {
  readonly clusters: DuplicateCluster[]
  /** Pairs between the 'possible' and 'match' thresholds, for a reviewer; strongest first. */
  readonly possiblePairs: ScoredPair[]
  readonly pairsCompared: number
  /** What brute force would compare: n(n−1)/2. */
  readonly allPairs: number
  readonly blockStats: BlockStats[]
  readonly model: DedupModel
}

const DEFAULT_MAX_BLOCK_SIZE = 1000

const validate = (records: readonly DedupRecord[], config: DedupConfig): void => {
  if (new Set(records.map((r) => r.id)).size !== records.length) {
    throw new RangeError('record ids must be unique')
  }
  if (!Object.values(config.fields).some((spec) => spec.weightless !== true)) {
    throw new RangeError('at least one field must carry weight')
  }
  for (const rule of config.blocking) {
    for (const part of rule.parts) {
      const spec = config.fields[part.field]
      const transform = part.transform ?? 'value'
      if (spec === undefined) throw new RangeError(`rule ${rule.name}: no field ${part.field}`)
      if (!supportsTransform(spec.comparator, transform)) {
        throw new RangeError(`rule ${rule.name}: ${spec.comparator} has no ${transform} key`)
      }
    }
  }
}

const compareAll = (pairs: CandidatePairs, fields: readonly PreparedField[]): Uint8Array => {
  const vectors = new Uint8Array(pairs.left.length * fields.length)
  fields.forEach((field, f) => {
    for (let p = 0; p < pairs.left.length; p++) {
      vectors[p * fields.length + f] = field.level(pairs.left[p] ?? 0, pairs.right[p] ?? 0)
    }
  })
  return vectors
}

const levelTable = (fields: readonly PreparedField[], rows: readonly (readonly number[])[]) =>
  Object.fromEntries(
    fields.map((field, f) => [
      field.name,
      Object.fromEntries(field.levels.map((level, l) => [level, rows[f]?.[l] ?? 0])),
    ]),
  )

const describeModel = (fields: readonly PreparedField[], model: FellegiSunterModel) => ({
  m: levelTable(fields, model.m),
  u: levelTable(fields, model.u),
  weights: levelTable(fields, matchWeights(model)),
  lambda: model.lambda,
  iterations: model.iterations,
  converged: model.converged,
  training: model.sessions,
})

const levelName = (field: PreparedField, level: number): ComparisonLevel =>
  level === MISSING_LEVEL ? 'missing' : (field.levels[level] ?? 'missing')

interface Scoring {
  readonly records: readonly DedupRecord[]
  readonly weighted: readonly PreparedField[]
  readonly weightless: readonly PreparedField[]
  readonly patterns: ComparisonPatterns
  readonly weights: readonly number[][]
}

/** The evidence of one pair: each weighted field's level and weight, weightless fields at 0. */
const scoredPair = (s: Scoring, i: number, j: number, pattern: number, posterior: number) => {
  const row = s.patterns.patterns.subarray(pattern * s.weighted.length)
  const fields: Record<string, FieldComparison> = {}
  s.weighted.forEach((field, f) => {
    const level = row[f] ?? MISSING_LEVEL
    const weight = level === MISSING_LEVEL ? 0 : (s.weights[f]?.[level] ?? 0)
    fields[field.name] = { level: levelName(field, level), weight }
  })
  for (const field of s.weightless) {
    fields[field.name] = { level: levelName(field, field.level(i, j)), weight: 0 }
  }
  const weight = totalWeight(row.subarray(0, s.weighted.length), s.weights)
  return { a: s.records[i]?.id ?? '', b: s.records[j]?.id ?? '', weight, posterior, fields }
}

const scorePairs = (s: Scoring, pairs: CandidatePairs, lambda: number, thresholds: Thresholds) => {
  const posteriors = Array.from(s.patterns.counts, (_, p) => {
    const row = s.patterns.patterns.subarray(p * s.weighted.length, (p + 1) * s.weighted.length)
    return posteriorProbability(totalWeight(row, s.weights), lambda)
  })
  const matched: ScoredPair[] = []
  const possible: ScoredPair[] = []
  s.patterns.patternOfPair.forEach((pattern, p) => {
    const posterior = posteriors[pattern] ?? 0
    const status = classify(posterior, thresholds)
    if (status === 'non-match') return
    const pair = scoredPair(s, pairs.left[p] ?? 0, pairs.right[p] ?? 0, pattern, posterior)
    ;(status === 'match' ? matched : possible).push(pair)
  })
  return { matched, possible: possible.sort((x, y) => y.posterior - x.posterior) }
}

/**
 * Finds duplicate records: blocking → field comparison levels → Fellegi–Sunter weights (u from
 * random record pairs, m by EM per blocking rule, see trainModel) → posterior per pair → clusters
 * of matched pairs.
 */
export const findDuplicates = (
  records: readonly DedupRecord[],
  config: DedupConfig,
): DedupResult => {
  validate(records, config)
  const fields = Object.entries(config.fields).map(([name, spec]) =>
    prepareField(name, spec, records),
  )
  const byName = new Map(fields.map((field) => [field.name, field]))
  const weighted = fields.filter((f) => f.spec.weightless !== true)
  const keysByRule = config.blocking.map((rule) => blockingKeys(rule, byName, records.length))
  const { pairs, stats, skippedKeys } = generateCandidatePairs(
    keysByRule,
    config.blocking.map((rule) => rule.name),
    config.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE,
  )
  const patterns = compressPatterns(compareAll(pairs, weighted), weighted.length)
  const levelCounts = weighted.map((f) => f.levels.length)
  const u = estimateU(weighted, records.length, config.em?.uSamplePairs)
  const sessions = trainingSessions(
    config.blocking,
    keysByRule,
    skippedKeys,
    pairs,
    patterns,
    weighted,
  )
  const model = trainModel(patterns, levelCounts, u, sessions, config.em)
  const weightless = fields.filter((f) => f.spec.weightless === true)
  const scoring = { records, weighted, weightless, patterns, weights: matchWeights(model) }
  const thresholds = config.thresholds ?? DEFAULT_THRESHOLDS
  const { matched, possible } = scorePairs(scoring, pairs, model.lambda, thresholds)
  return {
    clusters: buildClusters(matched),
    possiblePairs: possible,
    pairsCompared: pairs.left.length,
    allPairs: allPairsCount(records.length),
    blockStats: stats,
    model: describeModel(weighted, model),
  }
}
