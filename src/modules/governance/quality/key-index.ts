import { hash64 } from '../profile/index.js'
import type { Hash64 } from '../profile/index.js'
import { createHashLineTable } from './hash-line-table.js'
import type { HashLineTable } from './hash-line-table.js'

/**
 * Remembers keys and the line each was first seen on, in bounded memory per key.
 *
 * Up to `exactLimit` keys are held exactly (a Map of strings, ~100 bytes per key). Beyond it
 * every key moves to 64-bit hashes (SHA-1 truncated, 15–30 bytes per key). Hashing can only
 * err one way: a new key whose hash equals a remembered one is taken for a duplicate. With n
 * keys remembered the chance for the next key is n / 2^64, and the expected number of false
 * duplicates over a whole dataset of N distinct keys is about N² / 2^65: 3 × 10⁻⁸ for a
 * million keys, 3 × 10⁻⁴ for a hundred million. Beyond `hashLimit` new keys are not
 * remembered (duplicates among them go unseen) and `truncated` turns true.
 */
export interface KeyIndex {
  /**
   * The line the key was first seen on, or undefined when it is new (and now remembered). Keys
   * are compared without case; `hash`, when given, is hash64 of the upper-cased key.
   */
  firstLine(key: string, line: number, hash?: Hash64): number | undefined
  readonly mode: 'exact' | 'hashed'
  readonly truncated: boolean
}

export interface KeyIndexLimits {
  exactLimit: number
  hashLimit: number
}

export function createKeyIndex({ exactLimit, hashLimit }: KeyIndexLimits): KeyIndex {
  let exact: Map<string, number> | null = new Map()
  let hashed: HashLineTable | null = null
  let truncated = false

  const toHashes = (map: Map<string, number>): HashLineTable => {
    const table = createHashLineTable(hashLimit)
    for (const [key, line] of map) {
      const { hi, lo } = hash64(key)
      table.firstLine(hi, lo, line)
    }
    return table
  }

  return {
    get mode() {
      return exact === null ? 'hashed' : 'exact'
    },
    get truncated() {
      return truncated
    },
    firstLine(key, line, hash) {
      if (exact !== null) {
        const upper = key.toUpperCase()
        const seen = exact.get(upper)
        if (seen !== undefined) return seen
        if (exact.size < exactLimit) {
          exact.set(upper, line)
          return undefined
        }
        hashed = toHashes(exact)
        exact = null
      }
      const table = hashed ?? (hashed = createHashLineTable(hashLimit))
      const { hi, lo } = hash ?? hash64(key.toUpperCase())
      const wasFull = table.full
      const first = table.firstLine(hi, lo, line)
      if (first === undefined && wasFull) truncated = true
      return first
    },
  }
}
