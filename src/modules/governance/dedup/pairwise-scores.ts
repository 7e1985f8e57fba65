import type { DuplicateCluster } from './types.js'

/** Pairwise precision and recall of found clusters against a known truth. */
export interface PairwiseScores {
  /** Found pairs that are true pairs, over found pairs (1 when none was found). */
  precision: number
  /** True pairs found, over true pairs (1 when there are none). */
  recall: number
  truePairs: number
  foundPairs: number
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`)

const pairsWithin = (groups: Iterable<readonly string[]>): Set<string> => {
  const pairs = new Set<string>()
  for (const ids of groups) {
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) pairs.add(pairKey(ids[x] ?? '', ids[y] ?? ''))
    }
  }
  return pairs
}

/** Pairwise precision and recall of clusters against a truth that names each record's entity. */
export const pairwiseScores = (
  clusters: readonly DuplicateCluster[],
  ids: readonly string[],
  entityOf: (id: string) => string,
): PairwiseScores => {
  const truth = new Map<string, string[]>()
  for (const id of ids) {
    const entity = entityOf(id)
    const members = truth.get(entity)
    if (members === undefined) truth.set(entity, [id])
    else members.push(id)
  }
  const truePairs = pairsWithin(truth.values())
  const found = pairsWithin(clusters.map((c) => c.recordIds))
  let correct = 0
  for (const pair of found) if (truePairs.has(pair)) correct++
  return {
    precision: found.size === 0 ? 1 : correct / found.size,
    recall: truePairs.size === 0 ? 1 : correct / truePairs.size,
    truePairs: truePairs.size,
    foundPairs: found.size,
  }
}
