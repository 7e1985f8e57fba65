import { describe, expect, it } from 'vitest'
import { findDuplicates } from './dedup.js'
import { generateChinesePersons } from './planted-duplicates-fixtures.js'
import { PERSON_PRESET } from './presets.js'
import { pairwiseScores } from './test-fixtures.js'
import type { DedupConfig } from './types.js'

const BRUTE_FORCE: DedupConfig = {
  ...PERSON_PRESET,
  blocking: [{ name: 'all-pairs', parts: [] }],
  maxBlockSize: Number.POSITIVE_INFINITY,
}

const measure = (label: string, count: number, config: DedupConfig = PERSON_PRESET) => {
  const { records, entityOf } = generateChinesePersons(count, { seed: 2026 })
  const started = performance.now()
  const result = findDuplicates(records, config)
  const ms = Math.round(performance.now() - started)
  const ids = records.map((r) => r.id)
  const scores = pairwiseScores(result.clusters, ids, (id) => entityOf.get(id) ?? id)
  console.log(
    `${label}, ${count} records: precision ${scores.precision.toFixed(4)} recall ` +
      `${scores.recall.toFixed(4)}; compared ${result.pairsCompared} of ${result.allPairs} pairs in ${ms} ms`,
  )
  return { scores, result, ms }
}

describe('duplicates among generated Chinese persons (10 % planted)', () => {
  it('finds them with precision and recall of at least 0.95', () => {
    const { scores, result } = measure('Chinese persons', 10_000)
    expect(scores.precision).toBeGreaterThanOrEqual(0.95)
    expect(scores.recall).toBeGreaterThanOrEqual(0.95)
    expect(result.pairsCompared).toBeLessThan(result.allPairs / 100)
    expect(result.blockStats.map((s) => s.rule)).toEqual(PERSON_PRESET.blocking.map((r) => r.name))
  })

  it('keeps a homophone, a transposed date and a missing ID in the cluster, with evidence', () => {
    const { result } = measure('Chinese persons', 2_000)
    const levels = result.clusters.flatMap((c) => c.edges.flatMap((e) => Object.values(e.fields)))
    const seen = new Set(levels.map((f) => f.level))
    expect([...seen]).toEqual(expect.arrayContaining(['phonetic', 'transposed', 'missing']))
    expect(result.model.weights.name?.phonetic).toBeGreaterThan(2)
    expect(result.model.weights.birthDate?.transposed).toBeGreaterThan(2)
  })
})

// DEDUP_BENCH=1 npx vitest run src/modules/governance/dedup/chinese-accuracy — about 30 s.
describe.skipIf(process.env.DEDUP_BENCH === undefined)('dedup at scale (DEDUP_BENCH=1)', () => {
  it('keeps precision and recall at least 0.95 on 100,000 persons', { timeout: 120_000 }, () => {
    const { scores } = measure('Chinese persons', 100_000)
    expect(scores.precision).toBeGreaterThanOrEqual(0.95)
    expect(scores.recall).toBeGreaterThanOrEqual(0.95)
  })

  it('is faster than brute force on 5,000 persons', { timeout: 120_000 }, () => {
    const blocked = measure('blocked', 5_000)
    const brute = measure('brute force', 5_000, BRUTE_FORCE)
    console.log(`speed-up ${(brute.ms / blocked.ms).toFixed(1)}×`)
    expect(blocked.ms).toBeLessThan(brute.ms)
    expect(blocked.scores.recall).toBeGreaterThanOrEqual(brute.scores.recall - 0.01)
  })
})
