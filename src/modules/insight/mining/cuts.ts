import { hasEdge, type Dfg } from './mining-log.js'

/** A partition of a DFG's activities; for a loop the first group is the body. */
export interface Cut {
  readonly kind: 'xor' | 'sequence' | 'parallel' | 'loop'
  readonly groups: readonly (readonly number[])[]
}

/** IM's cut detection, in its order: exclusive choice, sequence, parallel, loop. */
export function findCut(dfg: Dfg): Cut | null {
  return xorCut(dfg) ?? sequenceCut(dfg) ?? parallelCut(dfg) ?? loopCut(dfg)
}

/** Connected components of the DFG taken as undirected. */
export function xorCut(dfg: Dfg): Cut | null {
  const sets = new UnionFind(dfg.activities)
  for (const [from, out] of dfg.edges) for (const to of out.keys()) sets.union(from, to)
  const groups = sets.groups()
  return groups.length > 1 ? { kind: 'xor', groups } : null
}

/**
 * Strongly connected components, then components that neither reach the other merged: the
 * groups left are totally ordered (every activity of an earlier group reaches every one of a
 * later group, never back), which is the maximal sequence cut.
 */
export function sequenceCut(dfg: Dfg): Cut | null {
  const components = stronglyConnected(dfg)
  const reach = reachability(dfg, components)
  const sets = new UnionFind(components.map((_, i) => i))
  for (let i = 0; i < components.length; i++) {
    for (let j = i + 1; j < components.length; j++) {
      if (!reach[i]![j] && !reach[j]![i]) sets.union(i, j)
    }
  }
  const groups = sets.groups()
  if (groups.length < 2) return null
  groups.sort((a, b) => (reach[a[0]!]![b[0]!] ? -1 : 1))
  return {
    kind: 'sequence',
    groups: groups.map((g) => g.flatMap((c) => components[c]!).sort((a, b) => a - b)),
  }
}

/**
 * Components of the graph linking activities not connected both ways; each group must hold a
 * start and an end activity, so groups lacking one join the first complete group.
 */
export function parallelCut(dfg: Dfg): Cut | null {
  const sets = new UnionFind(dfg.activities)
  for (const a of dfg.activities) {
    for (const b of dfg.activities) {
      if (a < b && !(hasEdge(dfg, a, b) && hasEdge(dfg, b, a))) sets.union(a, b)
    }
  }
  const complete: number[][] = []
  const lacking: number[] = []
  for (const group of sets.groups()) {
    const whole = group.some((a) => dfg.start.has(a)) && group.some((a) => dfg.end.has(a))
    if (whole) complete.push(group)
    else lacking.push(...group)
  }
  if (complete.length < 2) return null
  complete[0] = [...complete[0]!, ...lacking].sort((a, b) => a - b)
  return { kind: 'parallel', groups: complete }
}

/**
 * Body = start and end activities; candidate redo parts = components of the rest. A candidate
 * joins the body when it is entered from a non-end activity, leaves to a non-start activity, or
 * is not entered from every end activity / does not return to every start activity alike.
 */
export function loopCut(dfg: Dfg): Cut | null {
  const body = new Set(dfg.activities.filter((a) => dfg.start.has(a) || dfg.end.has(a)))
  const rest = dfg.activities.filter((a) => !body.has(a))
  const sets = new UnionFind(rest)
  for (const [from, out] of dfg.edges) {
    for (const to of out.keys()) if (!body.has(from) && !body.has(to)) sets.union(from, to)
  }
  let candidates = sets.groups()
  for (let changed = true; changed;) {
    changed = false
    for (const group of candidates) {
      if (isRedo(dfg, body, group)) continue
      for (const a of group) body.add(a)
      candidates = candidates.filter((g) => g !== group)
      changed = true
      break
    }
  }
  if (candidates.length === 0 || body.size === 0) return null
  return { kind: 'loop', groups: [[...body].sort((a, b) => a - b), ...candidates] }
}

function isRedo(dfg: Dfg, body: ReadonlySet<number>, group: readonly number[]): boolean {
  const starts = [...dfg.start.keys()]
  const ends = [...dfg.end.keys()]
  for (const b of group) {
    for (const a of body) {
      if (hasEdge(dfg, a, b) && !dfg.end.has(a)) return false
      if (hasEdge(dfg, b, a) && !dfg.start.has(a)) return false
    }
    const backs = starts.filter((s) => hasEdge(dfg, b, s)).length
    if (backs > 0 && backs < starts.length) return false
    const entries = ends.filter((e) => hasEdge(dfg, e, b)).length
    if (entries > 0 && entries < ends.length) return false
  }
  return true
}

/** Tarjan's algorithm; components come out in reverse topological order. */
function stronglyConnected(dfg: Dfg): number[][] {
  const index = new Map<number, number>()
  const low = new Map<number, number>()
  const stack: number[] = []
  const onStack = new Set<number>()
  const out: number[][] = []
  const visit = (v: number): void => {
    index.set(v, index.size)
    low.set(v, index.get(v)!)
    stack.push(v)
    onStack.add(v)
    for (const w of dfg.edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!))
      }
    }
    if (low.get(v) !== index.get(v)) return
    const component: number[] = []
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      onStack.delete(w)
      component.push(w)
      if (w === v) break
    }
    out.push(component)
  }
  for (const a of dfg.activities) if (!index.has(a)) visit(a)
  return out
}

/** reach[i][j]: component i reaches component j by one or more edges (i ≠ j). */
function reachability(dfg: Dfg, components: readonly number[][]): boolean[][] {
  const componentOf = new Map<number, number>()
  components.forEach((c, i) => c.forEach((a) => componentOf.set(a, i)))
  return components.map((component, i) => {
    const seen = new Array<boolean>(components.length).fill(false)
    const queue = [...component]
    for (let a = queue.pop(); a !== undefined; a = queue.pop()) {
      for (const b of dfg.edges.get(a)?.keys() ?? []) {
        const c = componentOf.get(b)!
        if (c === i || seen[c]) continue
        seen[c] = true
        queue.push(...components[c]!)
      }
    }
    return seen
  })
}

class UnionFind {
  private readonly parent = new Map<number, number>()

  constructor(items: readonly number[]) {
    for (const item of items) this.parent.set(item, item)
  }

  find(x: number): number {
    let root = x
    while (this.parent.get(root) !== root) root = this.parent.get(root)!
    for (let y = x; y !== root;) {
      const next = this.parent.get(y)!
      this.parent.set(y, root)
      y = next
    }
    return root
  }

  union(a: number, b: number): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb) this.parent.set(Math.max(ra, rb), Math.min(ra, rb))
  }

  /** Groups in order of their smallest item, items ascending. */
  groups(): number[][] {
    const byRoot = new Map<number, number[]>()
    for (const item of [...this.parent.keys()].sort((a, b) => a - b)) {
      const root = this.find(item)
      const group = byRoot.get(root)
      if (group) group.push(item)
      else byRoot.set(root, [item])
    }
    return [...byRoot.values()]
  }
}
