import { hash64 } from '../profile/index.js'
import type { KeyIndex } from './key-index.js'

/**
 * The keys of a uniqueness rule over one part of a file, in line order, for the run that holds
 * the rule's index: each key's line, hash64 of its upper-cased text (hi, lo pairs), and its text
 * (the values of the rule's fields joined by U+001F), all texts in one string, key i from
 * ends[i - 1] (0 for the first) to ends[i].
 */
export interface KeyBatch {
  lines: Uint32Array
  hashes: Uint32Array
  texts: string
  ends: Uint32Array
}

/**
 * A stand-in for a KeyIndex in a part of a check run: it remembers each key for the run that
 * decides which are duplicates, and passes every key meanwhile (the merge corrects the counts).
 */
export function createKeyRecorder(): KeyIndex & { take(): KeyBatch } {
  let lines: number[] = []
  let hashes: number[] = []
  let texts: string[] = []
  let ends: number[] = []
  let length = 0
  return {
    mode: 'exact',
    truncated: false,
    resolve: () => undefined,
    close: () => undefined,
    firstLine(key, line) {
      const { hi, lo } = hash64(key.toUpperCase())
      lines.push(line)
      hashes.push(hi, lo)
      texts.push(key)
      length += key.length
      ends.push(length)
      return undefined
    },
    take() {
      const batch = {
        lines: Uint32Array.from(lines),
        hashes: Uint32Array.from(hashes),
        texts: texts.join(''),
        ends: Uint32Array.from(ends),
      }
      lines = []
      hashes = []
      texts = []
      ends = []
      length = 0
      return batch
    },
  }
}

/** The text of key `i` of a batch. */
export const keyText = (batch: KeyBatch, i: number): string =>
  batch.texts.slice(i === 0 ? 0 : batch.ends[i - 1], batch.ends[i])
