import { buildClusters } from './clusters.js'
import type { ReviewLabel } from './clusters.js'
import type { DuplicateCluster, ReviewDecision, ScoredPair } from './types.js'

const groupsOf = (decision: ReviewDecision): readonly (readonly string[])[] =>
  decision.kind === 'confirm' ? [decision.recordIds] : decision.groups

/** Each record's label from the latest decision naming it. */
export const reviewLabels = (decisions: readonly ReviewDecision[]): Map<string, ReviewLabel> => {
  const labels = new Map<string, ReviewLabel>()
  decisions.forEach((decision, d) =>
    groupsOf(decision).forEach((ids, group) => {
      for (const id of ids) labels.set(id, { decision: d, group })
    }),
  )
  return labels
}

/**
 * Re-forms clusters so kept decisions hold: a confirmed set, or each group of a split, is one
 * cluster (confidence 1) unless later decisions name its records; groups of a split never share
 * a cluster, even through a third record, which joins the group it matches most strongly.
 * Records the clusters do not know yet (new matches) stay unreviewed.
 */
export const applyReviewDecisions = (
  clusters: readonly DuplicateCluster[],
  decisions: readonly ReviewDecision[],
): DuplicateCluster[] => {
  const edges = new Map<string, ScoredPair>()
  for (const cluster of clusters) {
    for (const edge of cluster.edges) edges.set(`${edge.a}\u0001${edge.b}`, edge)
  }
  return buildClusters([...edges.values()], reviewLabels(decisions))
}
