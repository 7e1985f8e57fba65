import type { ComparisonLevel, DuplicateCluster, FieldEvidence, ScoredPair } from './types.js'

/** A reviewed record's place: which decision named it last, and in which of its groups. */
export interface ReviewLabel {
  readonly decision: number
  readonly group: number
}

interface Component {
  parent: number
  // decision → group of the reviewed records in this component.
  labels: Map<number, number> | null
  weakestLink: number
}

const createForest = (size: number): Component[] =>
  Array.from({ length: size }, (_, i) => ({ parent: i, labels: null, weakestLink: 1 }))

const find = (forest: Component[], i: number): number => {
  let root = i
  while (forest[root]?.parent !== root) root = forest[root]?.parent ?? root
  for (let node = i; node !== root;) {
    const entry = forest[node]
    if (entry === undefined) break
    node = entry.parent
    entry.parent = root
  }
  return root
}

const compatible = (a: Component, b: Component): boolean => {
  if (a.labels === null || b.labels === null) return true
  for (const [decision, group] of a.labels) {
    const other = b.labels.get(decision)
    if (other !== undefined && other !== group) return false
  }
  return true
}

/** Joins the components of i and j unless a split keeps them apart; true when joined. */
const union = (forest: Component[], i: number, j: number, posterior: number): boolean => {
  const ri = find(forest, i)
  const rj = find(forest, j)
  const a = forest[ri]
  const b = forest[rj]
  if (ri === rj || a === undefined || b === undefined || !compatible(a, b)) return false
  b.parent = ri
  a.weakestLink = Math.min(a.weakestLink, b.weakestLink, posterior)
  if (b.labels !== null) {
    a.labels ??= new Map()
    for (const [decision, group] of b.labels) a.labels.set(decision, group)
  }
  return true
}

const evidenceOf = (edges: readonly ScoredPair[]): FieldEvidence[] => {
  const tally = new Map<
    string,
    { field: string; level: ComparisonLevel; weight: number; pairs: number }
  >()
  for (const edge of edges) {
    for (const [field, { level, weight }] of Object.entries(edge.fields)) {
      const key = `${field}\u0001${level}`
      const entry = tally.get(key) ?? { field, level, weight, pairs: 0 }
      entry.pairs++
      tally.set(key, entry)
    }
  }
  return [...tally.values()]
}

const isFullyReviewed = (ids: readonly string[], labels: ReadonlyMap<string, ReviewLabel>) => {
  const first = labels.get(ids[0] ?? '')
  return (
    first !== undefined &&
    ids.every((id) => {
      const label = labels.get(id)
      return label?.decision === first.decision && label.group === first.group
    })
  )
}

const summarise = (
  ids: string[],
  edges: readonly ScoredPair[],
  weakestLink: number,
  labels: ReadonlyMap<string, ReviewLabel>,
): DuplicateCluster => {
  const recordIds = ids.sort()
  const reviewed = isFullyReviewed(recordIds, labels)
  const mean = edges.reduce((sum, edge) => sum + edge.posterior, 0) / (edges.length || 1)
  return {
    id: recordIds[0] ?? '',
    recordIds,
    confidence: reviewed ? 1 : weakestLink,
    meanPosterior: edges.length === 0 ? 1 : mean,
    review: reviewed ? 'confirmed' : 'unreviewed',
    edges,
    evidence: evidenceOf(edges),
  }
}

const pushTo = <T>(map: Map<number, T[]>, key: number, item: T): void => {
  const list = map.get(key)
  if (list === undefined) map.set(key, [item])
  else list.push(item)
}

/**
 * Union-find over matched pairs, strongest first. Records labelled with the same review
 * decision and group are joined first; records of different groups of one decision never are.
 * Confidence is the weakest posterior among the joining edges. Clusters of one are dropped.
 */
export const buildClusters = (
  edges: readonly ScoredPair[],
  labels: ReadonlyMap<string, ReviewLabel> = new Map(),
): DuplicateCluster[] => {
  const ids = [...new Set([...edges.flatMap((e) => [e.a, e.b]), ...labels.keys()])]
  const index = new Map(ids.map((id, i) => [id, i]))
  const forest = createForest(ids.length)
  const firstOfLabel = new Map<string, number>()
  ids.forEach((id, i) => {
    const label = labels.get(id)
    const component = forest[i]
    if (label === undefined || component === undefined) return
    component.labels = new Map([[label.decision, label.group]])
    const key = `${label.decision}:${label.group}`
    const first = firstOfLabel.get(key)
    if (first === undefined) firstOfLabel.set(key, i)
    else union(forest, first, i, 1)
  })
  const sorted = [...edges].sort((x, y) => y.posterior - x.posterior)
  for (const edge of sorted)
    union(forest, index.get(edge.a) ?? 0, index.get(edge.b) ?? 0, edge.posterior)
  const members = new Map<number, string[]>()
  ids.forEach((id, i) => pushTo(members, find(forest, i), id))
  const edgesOf = new Map<number, ScoredPair[]>()
  for (const edge of sorted) {
    const root = find(forest, index.get(edge.a) ?? 0)
    if (root === find(forest, index.get(edge.b) ?? 0)) pushTo(edgesOf, root, edge)
  }
  return [...members]
    .filter(([, group]) => group.length > 1)
    .map(([root, group]) =>
      summarise(group, edgesOf.get(root) ?? [], forest[root]?.weakestLink ?? 0, labels),
    )
    .sort((a, b) => (a.id < b.id ? -1 : 1))
}
