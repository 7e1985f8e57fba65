import { hash64, hashKey } from './hash64.js'
import { createHyperLogLog } from './hyperloglog.js'
import type { DistinctCount } from './profile.types.js'

export interface DistinctCounter {
  add(value: string): void
  result(): DistinctCount
}

/**
 * Exact while at most `exactLimit` distinct values were seen (a set of 53-bit hash keys, so
 * long values cost no more than short ones), then the HyperLogLog estimate, which is fed
 * from the start so the hand-over loses nothing.
 */
export function createDistinctCounter(exactLimit: number, precision: number): DistinctCounter {
  const sketch = createHyperLogLog(precision)
  let exact: Set<number> | null = new Set()
  return {
    add(value) {
      const hash = hash64(value)
      sketch.add(hash)
      if (exact === null) return
      exact.add(hashKey(hash))
      if (exact.size > exactLimit) exact = null
    },
    result: () =>
      exact === null
        ? { count: sketch.estimate(), exact: false, standardError: sketch.standardError }
        : { count: exact.size, exact: true, standardError: 0 },
  }
}
