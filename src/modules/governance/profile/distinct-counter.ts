import { hash64, hashKey } from './hash64.js'
import { createHyperLogLog } from './hyperloglog.js'
import type { DistinctCount } from './profile.types.js'

export interface DistinctCounter {
  add(value: string): void
  result(): DistinctCount
  state(): DistinctState
  /** Adds a counter of other rows (same limits): the counter of both. */
  merge(state: DistinctState): void
}

/** A distinct counter as plain data: the exact keys (null once past the limit) and the sketch. */
export interface DistinctState {
  exact: number[] | null
  registers: Uint8Array
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
    state: () => ({ exact: exact === null ? null : [...exact], registers: sketch.registers() }),
    merge(other) {
      sketch.merge(other.registers)
      if (exact === null) return
      if (other.exact === null) exact = null
      else {
        for (const key of other.exact) exact.add(key)
        if (exact.size > exactLimit) exact = null
      }
    },
    result: () =>
      exact === null
        ? { count: sketch.estimate(), exact: false, standardError: sketch.standardError }
        : { count: exact.size, exact: true, standardError: 0 },
  }
}
