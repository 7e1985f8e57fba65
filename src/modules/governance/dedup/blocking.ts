import type { PreparedField } from './field-comparators.js'
import type { BlockingRule } from './types.js'

/** What one blocking rule contributed, and the blocks it skipped for being too large. */
export interface BlockStats {
  readonly rule: string
  /** Blocks of two or more records that were compared. */
  readonly blocks: number
  /** Pairs this rule added; pairs an earlier rule already produced are not counted again. */
  readonly pairs: number
  readonly largestBlock: number
  readonly skippedBlocks: number
  /** The largest skipped blocks, at most 20. */
  readonly skipped: readonly { readonly key: string; readonly size: number }[]
}

/** Candidate pairs as record indices, left < right, each pair once. */
export interface CandidatePairs {
  readonly left: Int32Array
  readonly right: Int32Array
}

const PART_SEPARATOR = '\u0001'
const REPORTED_SKIPS = 20

const ruleKey = (
  rule: BlockingRule,
  fields: ReadonlyMap<string, PreparedField>,
  i: number,
): string | null => {
  let key = ''
  for (const part of rule.parts) {
    const value = fields.get(part.field)?.key(i, part.transform ?? 'value') ?? null
    if (value === null) return null
    key += (part.prefix === undefined ? value : value.slice(0, part.prefix)) + PART_SEPARATOR
  }
  return key
}

/** Each record's key under a rule; null when any part is missing. */
export const blockingKeys = (
  rule: BlockingRule,
  fields: ReadonlyMap<string, PreparedField>,
  recordCount: number,
): (string | null)[] => Array.from({ length: recordCount }, (_, i) => ruleKey(rule, fields, i))

const groupBlocks = (keys: readonly (string | null)[]): Map<string, number[]> => {
  const blocks = new Map<string, number[]>()
  keys.forEach((key, i) => {
    if (key === null) return
    const block = blocks.get(key)
    if (block === undefined) blocks.set(key, [i])
    else block.push(i)
  })
  return blocks
}

interface RuleBlocks {
  readonly keys: readonly (string | null)[]
  readonly skippedKeys: ReadonlySet<string>
}

const pairedEarlier = (earlier: readonly RuleBlocks[], i: number, j: number): boolean => {
  for (const { keys, skippedKeys } of earlier) {
    const key = keys[i]
    if (key !== null && key !== undefined && key === keys[j] && !skippedKeys.has(key)) return true
  }
  return false
}

interface PairLists {
  readonly left: number[]
  readonly right: number[]
}

/** Emits one rule's new pairs into `out` and describes what the rule did. */
const pairRule = (
  rule: string,
  keys: readonly (string | null)[],
  earlier: readonly RuleBlocks[],
  maxBlockSize: number,
  out: PairLists,
): { stats: BlockStats; skippedKeys: ReadonlySet<string> } => {
  const blocks = groupBlocks(keys)
  const skipped = [...blocks].filter(([, ids]) => ids.length > maxBlockSize)
  const skippedKeys = new Set(skipped.map(([key]) => key))
  let compared = 0
  let pairs = 0
  let largestBlock = 0
  for (const [key, ids] of blocks) {
    if (ids.length < 2 || skippedKeys.has(key)) continue
    compared++
    largestBlock = Math.max(largestBlock, ids.length)
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) {
        const i = ids[x] ?? 0
        const j = ids[y] ?? 0
        if (pairedEarlier(earlier, i, j)) continue
        out.left.push(i)
        out.right.push(j)
        pairs++
      }
    }
  }
  const reported = skipped
    .map(([key, ids]) => ({ key: readableKey(key), size: ids.length }))
    .sort((a, b) => b.size - a.size)
    .slice(0, REPORTED_SKIPS)
  const skippedBlocks = skipped.length
  return {
    stats: { rule, blocks: compared, pairs, largestBlock, skippedBlocks, skipped: reported },
    skippedKeys,
  }
}

/**
 * Union of the rules' blocks without all-pairs: records sharing a key are paired; a pair found
 * by an earlier rule is not emitted again; blocks above maxBlockSize are skipped and reported
 * (their keys returned per rule).
 */
export const generateCandidatePairs = (
  keysByRule: readonly (readonly (string | null)[])[],
  ruleNames: readonly string[],
  maxBlockSize: number,
): { pairs: CandidatePairs; stats: BlockStats[]; skippedKeys: ReadonlySet<string>[] } => {
  const out: PairLists = { left: [], right: [] }
  const done: RuleBlocks[] = []
  const stats = keysByRule.map((keys, r): BlockStats => {
    const rule = ruleNames[r] ?? String(r)
    const { stats: ruleStats, skippedKeys } = pairRule(rule, keys, done, maxBlockSize, out)
    done.push({ keys, skippedKeys })
    return ruleStats
  })
  return {
    pairs: { left: Int32Array.from(out.left), right: Int32Array.from(out.right) },
    stats,
    skippedKeys: done.map((rule) => rule.skippedKeys),
  }
}

const readableKey = (key: string): string => key.split(PART_SEPARATOR).filter(Boolean).join('|')

/** n(n−1)/2: the pairs a brute-force comparison of n records makes. */
export const allPairsCount = (n: number): number => (n * (n - 1)) / 2
