import { createRandom } from '../quality/random.js'
import { allPairsCount } from './blocking.js'
import type { PreparedField } from './field-comparators.js'
import { MISSING_LEVEL } from './fellegi-sunter.js'

/**
 * Random record pairs drawn to estimate u by default: five per record, at least 20,000 and at
 * most 100,000 (every pair when a file has fewer). Enough for every level a random pair reaches
 * once in 10,000; rarer levels get the smoothing floor, and the candidates' own u refines them.
 */
export const defaultUSamplePairs = (recordCount: number): number =>
  Math.max(20_000, Math.min(100_000, 5 * recordCount))

const SEED = 0x5eed

/**
 * u[f][l]: how often two records drawn at random reach level l of field f. Almost every random
 * pair is a non-match, so this is the non-match distribution, measured without the bias of
 * blocking (candidate pairs agree on their blocking key by construction) and whether or not
 * the file holds any duplicates (Splink estimates u the same way). Counts are smoothed by half a
 * pair per level (Jeffreys), so a level no sampled pair reached gets a small u, not zero.
 */
export const estimateU = (
  fields: readonly PreparedField[],
  recordCount: number,
  samplePairs: number = defaultUSamplePairs(recordCount),
): number[][] => {
  const counts = fields.map((field) => new Array<number>(field.levels.length).fill(0))
  const tally = (i: number, j: number): void => {
    fields.forEach((field, f) => {
      const level = field.level(i, j)
      const row = counts[f]
      if (level !== MISSING_LEVEL && row !== undefined) row[level] = (row[level] ?? 0) + 1
    })
  }
  if (allPairsCount(recordCount) <= samplePairs) {
    for (let i = 0; i < recordCount; i++) for (let j = i + 1; j < recordCount; j++) tally(i, j)
  } else {
    const random = createRandom(SEED)
    for (let s = 0; s < samplePairs; s++) {
      const i = Math.floor(random() * recordCount)
      const j = Math.floor(random() * (recordCount - 1))
      tally(i, j < i ? j : j + 1)
    }
  }
  return counts.map((row) => {
    const total = row.reduce((a, b) => a + b, 0) + row.length / 2
    return row.map((count) => (count + 0.5) / total)
  })
}
