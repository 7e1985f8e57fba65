import { hash64 } from '../profile/index.js'
import type { KeyIndex } from './key-index.js'

/**
 * The keys of a uniqueness rule over one part of a file, in line order, for the run that holds
 * the rule's index: each key's line, hash64 of its upper-cased text (hi, lo pairs), and its text
 * (the values of the rule's fields joined by U+001F), rows separated by U+001E.
 */
export interface KeyBatch {
  lines: Uint32Array
  hashes: Uint32Array
  texts: string
}

const ROW_SEPARATOR = '\u001e'

/**
 * A stand-in for a KeyIndex in a part of a check run: it remembers each key for the run that
 * decides which are duplicates, and passes every key meanwhile (the merge corrects the counts).
 */
export function createKeyRecorder(): KeyIndex & { take(): KeyBatch } {
  let lines: number[] = []
  let hashes: number[] = []
  let texts: string[] = []
  return {
    mode: 'exact',
    truncated: false,
    firstLine(key, line) {
      const { hi, lo } = hash64(key.toUpperCase())
      lines.push(line)
      hashes.push(hi, lo)
      texts.push(key)
      return undefined
    },
    take() {
      const batch = {
        lines: Uint32Array.from(lines),
        hashes: Uint32Array.from(hashes),
        texts: texts.join(ROW_SEPARATOR),
      }
      lines = []
      hashes = []
      texts = []
      return batch
    },
  }
}

/** Calls `each` with every key of a batch, in line order. */
export function forEachKey(
  batch: KeyBatch,
  each: (text: string, line: number, hi: number, lo: number) => void,
): void {
  if (batch.lines.length === 0) return
  const texts = batch.texts.split(ROW_SEPARATOR)
  for (let i = 0; i < batch.lines.length; i++) {
    each(
      texts[i] as string,
      batch.lines[i] as number,
      batch.hashes[2 * i] as number,
      batch.hashes[2 * i + 1] as number,
    )
  }
}
