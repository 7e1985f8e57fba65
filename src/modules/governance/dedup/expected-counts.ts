import { MISSING_LEVEL } from './fellegi-sunter.js'
import type { ComparisonPatterns } from './fellegi-sunter.js'

/** Expected pairs of a class per field and level: Σ count × P(class | pattern). */
export const expectedCounts = (
  data: ComparisonPatterns,
  levelCounts: readonly number[],
  counts: Float64Array,
  shares: Float64Array,
): number[][] => {
  const expected = levelCounts.map((n) => new Array<number>(n).fill(0))
  counts.forEach((n, p) => {
    if (n === 0) return
    for (let f = 0; f < data.fieldCount; f++) {
      const level = data.patterns[p * data.fieldCount + f] ?? MISSING_LEVEL
      const row = expected[f]
      if (level !== MISSING_LEVEL && row !== undefined) {
        row[level] = (row[level] ?? 0) + n * (shares[p] ?? 0)
      }
    }
  })
  return expected
}
