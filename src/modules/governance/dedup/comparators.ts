import { distance } from 'fastest-levenshtein'
import type { NormalizedAddress } from './address.js'
import { jaroWinkler } from './jaro-winkler.js'
import type { NormalizedName } from './normalize.js'
import type { COMPARATOR_LEVELS } from './types.js'

type LevelOf<K extends keyof typeof COMPARATOR_LEVELS> = (typeof COMPARATOR_LEVELS)[K][number]

/** Cut-offs of the 'close' and 'similar' levels. */
export const NAME_CLOSE = 0.92
export const NAME_SIMILAR = 0.8
export const CODE_CLOSE = 0.9
export const CODE_SIMILAR = 0.7
export const ADDRESS_CLOSE = 0.7
export const ADDRESS_SIMILAR = 0.4

/** 1 − Levenshtein distance / longer length; 1 for two empty strings. */
export const levenshteinSimilarity = (a: string, b: string): number => {
  const longest = Math.max(a.length, b.length)
  return longest === 0 ? 1 : 1 - distance(a, b) / longest
}

export const compareExact = (a: string, b: string): LevelOf<'exact'> =>
  a === b ? 'exact' : 'different'

/**
 * Codes and numbers by edit distance: one typo, or normalised similarity ≥ 0.9, is 'close';
 * ≥ 0.7 'similar'. Two people born the same day in the same county have IDs 2–4 edits apart,
 * so those must not count as close.
 */
export const compareCodes = (a: string, b: string): LevelOf<'edit-distance'> => {
  if (a === b) return 'exact'
  const edits = distance(a, b)
  const similarity = 1 - edits / Math.max(a.length, b.length)
  if (edits === 1 || similarity >= CODE_CLOSE) return 'close'
  return similarity >= CODE_SIMILAR ? 'similar' : 'different'
}

/**
 * Names: same cleaned text; same romanisation (homophones 张伟/章玮, or 张伟/Zhang Wei);
 * Jaro-Winkler of the romanisation ≥ 0.92 or the same words reordered; ≥ 0.8; else different.
 */
export const compareNames = (a: NormalizedName, b: NormalizedName): LevelOf<'name'> => {
  if (a.text === b.text) return 'exact'
  if (a.compact === b.compact) return 'phonetic'
  const similarity = jaroWinkler(a.compact, b.compact)
  if (similarity >= NAME_CLOSE || a.sortedKey === b.sortedKey) return 'close'
  return similarity >= NAME_SIMILAR ? 'similar' : 'different'
}

const dateParts = (iso: string): [string, string, string] => [
  iso.slice(0, 4),
  iso.slice(5, 7),
  iso.slice(8, 10),
]

/**
 * 'YYYY-MM-DD' dates: equal; day and month transposed; exactly one of year, month, day differs;
 * years within one of each other; else different.
 */
export const compareDates = (a: string, b: string): LevelOf<'date'> => {
  if (a === b) return 'exact'
  const [ya, ma, da] = dateParts(a)
  const [yb, mb, db] = dateParts(b)
  if (ya === yb && ma === db && da === mb) return 'transposed'
  const same = Number(ya === yb) + Number(ma === mb) + Number(da === db)
  if (same === 2) return 'one-component'
  return Math.abs(Number(ya) - Number(yb)) <= 1 ? 'year-near' : 'different'
}

const jaccard = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  for (const item of small) if (large.has(item)) shared++
  const union = a.size + b.size - shared
  return union === 0 ? 1 : shared / union
}

const isSubset = (small: ReadonlySet<string>, large: ReadonlySet<string>): boolean => {
  for (const item of small) if (!large.has(item)) return false
  return true
}

const isContained = (a: NormalizedAddress, b: NormalizedAddress): boolean => {
  const [small, large] = a.tokenSet.size <= b.tokenSet.size ? [a, b] : [b, a]
  return small.tokenSet.size >= 2 && isSubset(small.tokenSet, large.tokenSet)
}

/** Token and bigram Jaccard, and whether one address's tokens (two or more) all appear in the other's. */
export const addressSimilarity = (
  a: NormalizedAddress,
  b: NormalizedAddress,
): { tokens: number; bigrams: number; contained: boolean } => ({
  tokens: jaccard(a.tokenSet, b.tokenSet),
  bigrams: jaccard(a.bigrams, b.bigrams),
  contained: isContained(a, b),
})

/** Addresses: same tokens in any order; one abbreviating the other or bigram Jaccard ≥ 0.7; ≥ 0.4. */
export const compareAddresses = (
  a: NormalizedAddress,
  b: NormalizedAddress,
): LevelOf<'address'> => {
  if (a.sortedKey === b.sortedKey) return 'exact'
  const bigrams = jaccard(a.bigrams, b.bigrams)
  if (bigrams >= ADDRESS_CLOSE || isContained(a, b)) return 'close'
  return bigrams >= ADDRESS_SIMILAR ? 'similar' : 'different'
}
