import { hash64 } from '../profile/index.js'
import type { Hash64 } from '../profile/index.js'
import { createHashLineTable } from './hash-line-table.js'
import type { HashLineTable } from './hash-line-table.js'
import { createKeySpill } from './key-spill.js'
import type { KeySpill } from './key-spill.js'

/**
 * Remembers keys and the line each was first seen on, in bounded memory per key.
 *
 * Up to `exactLimit` keys are held exactly (a Map of strings, ~100 bytes per key). Beyond it
 * every key moves to 64-bit hashes (hash64, 15–30 bytes per key). Hashing can only
 * err one way: a new key whose hash equals a remembered one is taken for a duplicate. With n
 * keys remembered the chance for the next key is n / 2^64, and the expected number of false
 * duplicates over a whole dataset of N distinct keys is about N² / 2^65: 3 × 10⁻⁸ for a
 * million keys, 3 × 10⁻⁴ for a hundred million.
 *
 * With a `spill` directory, at most `spill.memoryKeys` hashes stay in memory: a later key whose
 * hash is among them is a duplicate at once; any other new key passes for now and goes to disk
 * (key-spill.ts), and `resolve` reports, after the pass, those of them that repeat an earlier
 * one: the same duplicates, with the same first lines, as a table of every key would find.
 * Without one, beyond `hashLimit` new keys are not remembered (duplicates among them go unseen)
 * and `truncated` turns true.
 */
export interface KeyIndex {
  /**
   * The line the key was first seen on, or undefined when it is new (and now remembered). Keys
   * are compared without case; `hash`, when given, is hash64 of the upper-cased key.
   */
  firstLine(key: string, line: number, hash?: Hash64): number | undefined
  /** `spilled` once keys go to disk: firstLine then needs each key's text. */
  readonly mode: 'exact' | 'hashed' | 'spilled'
  readonly truncated: boolean
  /**
   * After the last key: calls `duplicate` for each key that passed for now but repeats an
   * earlier one (in no particular order), then frees the index. Nothing without a spill.
   */
  resolve(duplicate: (line: number, first: number, text: string) => void): void
  /** Deletes what went to disk (after a failed run too); safe to call twice. */
  close(): void
}

/** Where keys past the memory budget go. */
export interface KeySpillPlace {
  /** An existing directory of the run's own, removed with the run. */
  dir: string
  /** Hashes kept in memory before spilling (default 1,000,000: ~15–30 MB). */
  memoryKeys?: number
}

export interface KeyIndexLimits {
  exactLimit: number
  hashLimit: number
  spill?: KeySpillPlace | undefined
}

const DEFAULT_MEMORY_KEYS = 1_000_000

export function createKeyIndex({ exactLimit, hashLimit, spill }: KeyIndexLimits): KeyIndex {
  let exact: Map<string, number> | null = new Map()
  let hashed: HashLineTable | null = null
  let truncated = false
  // At least the exact keys, so that moving them to hashes spills none of them.
  const memoryKeys =
    spill === undefined ? 0 : Math.max(spill.memoryKeys ?? DEFAULT_MEMORY_KEYS, exactLimit)
  // With a spill the table holds memoryKeys hashes; the rest go to disk, nothing is dropped.
  const tableLimit = spill === undefined ? hashLimit : memoryKeys
  let onDisk: KeySpill | null = null

  const toHashes = (map: Map<string, number>): HashLineTable => {
    const table = createHashLineTable(tableLimit)
    for (const [key, line] of map) {
      const { hi, lo } = hash64(key)
      table.firstLine(hi, lo, line)
    }
    return table
  }

  return {
    get mode() {
      if (exact !== null) return 'exact'
      return spill !== undefined && hashed?.full === true ? 'spilled' : 'hashed'
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
      const table = hashed ?? (hashed = createHashLineTable(tableLimit))
      const { hi, lo } = hash ?? hash64(key.toUpperCase())
      const wasFull = table.full
      const first = table.firstLine(hi, lo, line)
      if (first !== undefined || !wasFull) return first
      if (spill === undefined) {
        truncated = true
        return undefined
      }
      onDisk ??= createKeySpill({ dir: spill.dir, partitionKeys: Math.max(1, memoryKeys) })
      onDisk.add(hi, lo, line, key)
      return undefined
    },
    resolve(duplicate) {
      if (onDisk === null) return
      // The table is not needed to resolve the spilled keys (none of them is in it): free it first.
      hashed = null
      const done = onDisk
      onDisk = null
      done.resolve(duplicate)
    },
    close() {
      onDisk?.close()
    },
  }
}
