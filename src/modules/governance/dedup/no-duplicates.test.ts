import { describe, expect, it } from 'vitest'
import { generatePopulationRows } from '../quality/index.js'
import { findDuplicates } from './dedup.js'
import type { DedupResult } from './dedup.js'
import { generateChinesePersons } from './planted-duplicates-fixtures.js'
import { PERSON_PRESET } from './presets.js'
import { pairwiseScores } from './pairwise-scores.js'
import type { DedupRecord } from './types.js'

/** Generated 人口 rows as person records: every row a different person. */
const population = (count: number, errorRate: number): DedupRecord[] =>
  Array.from(generatePopulationRows({ count, seed: 11, errorRate }), ({ row }, i) => ({
    id: String(i),
    fields: {
      name: row.name,
      birthDate: row.birth_date,
      idNumber: row.id_number,
      phone: row.phone,
      address: row.household_address,
    },
  }))

const clustered = (result: DedupResult): number =>
  result.clusters.reduce((sum, cluster) => sum + cluster.recordIds.length, 0)

const largest = (result: DedupResult): number =>
  Math.max(0, ...result.clusters.map((cluster) => cluster.recordIds.length))

describe('duplicate detection on a file with no duplicates', () => {
  it('finds no cluster among 10,000 different persons', () => {
    const result = findDuplicates(population(10_000, 0), PERSON_PRESET)
    expect(result.pairsCompared).toBeGreaterThan(10_000)
    expect(result.clusters).toEqual([])
    expect(result.model.lambda).toBeLessThan(1e-3)
  })

  it('keeps persons sharing a planted duplicate ID number apart, with weights the right way round', () => {
    // One row in ten carries a planted error; duplicate_id copies an earlier person's ID number,
    // birth date and sex into another person. Plain EM took these for its match class: λ 0.998,
    // a different ID weighing +6.7, one cluster of almost every record.
    const records = population(10_000, 0.1)
    const result = findDuplicates(records, PERSON_PRESET)
    expect(result.blockStats.find((s) => s.rule === 'id-number')?.pairs).toBeGreaterThan(50)
    expect(largest(result)).toBeLessThanOrEqual(2)
    expect(clustered(result)).toBeLessThanOrEqual(records.length / 1000)
    for (const [field, levels] of Object.entries(result.model.weights)) {
      expect({ field, exact: levels.exact! > levels.different! }).toEqual({ field, exact: true })
    }
  })
})

describe('duplicate detection with few planted duplicates', () => {
  it.each([0.01, 0.002])('finds a share of %s planted duplicates among 10,000 persons', (share) => {
    const { records, entityOf } = generateChinesePersons(10_000, { seed: 5, duplicateShare: share })
    const result = findDuplicates(records, PERSON_PRESET)
    const ids = records.map((r) => r.id)
    const scores = pairwiseScores(result.clusters, ids, (id) => entityOf.get(id) ?? id)
    expect(scores.truePairs).toBeGreaterThanOrEqual(share * 10_000)
    expect(scores.precision).toBeGreaterThanOrEqual(0.95)
    expect(scores.recall).toBeGreaterThanOrEqual(0.95)
    expect(largest(result)).toBeLessThanOrEqual(4)
  })
})
