import { describe, expect, it } from 'vitest'
import { findDuplicates } from './dedup.js'
import {
  FEBRL_CONFIG,
  FEBRL_DIR,
  febrlAvailable,
  febrlEntity,
  loadFebrl,
  pairwiseScores,
} from './test-fixtures.js'

const run = (file: string) => {
  const records = loadFebrl(file)
  const started = performance.now()
  const result = findDuplicates(records, FEBRL_CONFIG)
  const ms = Math.round(performance.now() - started)
  const scores = pairwiseScores(
    result.clusters,
    records.map((r) => r.id),
    febrlEntity,
  )
  console.log(
    `${file}: precision ${scores.precision.toFixed(4)} recall ${scores.recall.toFixed(4)}` +
      ` (${scores.foundPairs} found, ${scores.truePairs} true pairs); compared ` +
      `${result.pairsCompared} of ${result.allPairs} pairs in ${ms} ms; λ ${result.model.lambda.toFixed(3)}`,
  )
  return { scores, result }
}

describe.skipIf(!febrlAvailable('febrl_dataset1.csv'))(
  `duplicates in the Febrl benchmark (${FEBRL_DIR}; skipped when missing)`,
  () => {
    it('finds dataset 1 duplicates with precision and recall of at least 0.95', () => {
      const { scores, result } = run('febrl_dataset1.csv')
      expect(scores.precision).toBeGreaterThanOrEqual(0.95)
      expect(scores.recall).toBeGreaterThanOrEqual(0.95)
      expect(result.model.converged).toBe(true)
      expect(result.pairsCompared).toBeLessThan(result.allPairs / 100)
    })

    it.skipIf(!febrlAvailable('febrl_dataset3.csv'))(
      'finds dataset 3 duplicates, up to five per person, with precision and recall of at least 0.95',
      () => {
        const { scores } = run('febrl_dataset3.csv')
        expect(scores.precision).toBeGreaterThanOrEqual(0.95)
        expect(scores.recall).toBeGreaterThanOrEqual(0.95)
      },
    )

    it('shows per field which levels agreed in a cluster, with their weights', () => {
      const { result } = run('febrl_dataset1.csv')
      const cluster = result.clusters.find((c) => c.recordIds.includes('rec-55-org'))
      expect(cluster?.recordIds).toEqual(['rec-55-dup-0', 'rec-55-org'])
      const surname = cluster?.evidence.find((e) => e.field === 'surname')
      expect(surname).toMatchObject({ level: 'close', pairs: 1 })
      expect(surname?.weight).toBeGreaterThan(0)
    })
  },
)
