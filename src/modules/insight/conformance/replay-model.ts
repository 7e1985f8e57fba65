import type { PetriNet, Transition } from './petri-net.js'

/** A net prepared for replay: transitions by label, and invisible-only reachability. */
export interface ReplayModel {
  readonly net: PetriNet
  readonly byLabel: ReadonlyMap<string, readonly number[]>
  readonly invisible: readonly number[]
  /** Most markings one search for invisible firings may visit. */
  readonly searchLimit: number
  /** The places a token on `place` can reach by invisible transitions alone (itself included). */
  silentReach(place: number): ReadonlySet<number>
}

export const DEFAULT_SEARCH_LIMIT = 2_000

export function compileReplayModel(
  net: PetriNet,
  searchLimit: number = DEFAULT_SEARCH_LIMIT,
): ReplayModel {
  const byLabel = new Map<string, number[]>()
  const invisible: number[] = []
  net.transitions.forEach((t, i) => {
    if (t.label === null) invisible.push(i)
    else byLabel.set(t.label, [...(byLabel.get(t.label) ?? []), i])
  })
  const reach = new Map<number, ReadonlySet<number>>()
  const silentReach = (place: number): ReadonlySet<number> => {
    let set = reach.get(place)
    if (!set) reach.set(place, (set = reachByInvisible(net, invisible, place)))
    return set
  }
  return { net, byLabel, invisible, searchLimit, silentReach }
}

function reachByInvisible(net: PetriNet, invisible: readonly number[], from: number): Set<number> {
  const seen = new Set([from])
  const queue = [from]
  for (let place = queue.pop(); place !== undefined; place = queue.pop()) {
    for (const i of invisible) {
      const t = net.transitions[i]!
      if (!t.inputs.includes(place)) continue
      for (const out of t.outputs) {
        if (!seen.has(out)) {
          seen.add(out)
          queue.push(out)
        }
      }
    }
  }
  return seen
}

export function isEnabled(t: Transition, marking: Int32Array): boolean {
  if (t.orJoin) {
    return t.inputs.some((p) => marking[p]! > 0) && t.orJoin.upstream.every((p) => marking[p] === 0)
  }
  return t.inputs.every((p) => marking[p]! > 0)
}

/** Fires `t` (enabled) in place; returns the tokens consumed and produced. */
export function fire(t: Transition, marking: Int32Array): { consumed: number; produced: number } {
  let consumed = 0
  for (const p of t.inputs) {
    if (t.orJoin && marking[p] === 0) continue
    marking[p]!--
    consumed++
  }
  for (const p of t.outputs) marking[p]!++
  return { consumed, produced: t.outputs.length }
}

/**
 * Breadth-first search over invisible firings from `start` (bounded by the model's limit): the
 * shortest firing sequence to a marking of the lowest rank (0 stops the search at once;
 * Infinity = not acceptable), or null when no acceptable marking was seen.
 */
export function searchInvisible(
  model: ReplayModel,
  start: Int32Array,
  rank: (marking: Int32Array) => number,
): number[] | null {
  const markings = [start]
  const parent = [-1]
  const via = [-1]
  const seen = new Set([start.join(',')])
  let best = -1
  let bestRank = Infinity
  for (let node = 0; node < markings.length; node++) {
    const marking = markings[node]!
    const r = rank(marking)
    if (r < bestRank) [best, bestRank] = [node, r]
    if (r === 0) break
    if (seen.size >= model.searchLimit) continue
    for (const i of model.invisible) {
      const t = model.net.transitions[i]!
      if (!isEnabled(t, marking)) continue
      const next = marking.slice()
      fire(t, next)
      const key = next.join(',')
      if (seen.has(key)) continue
      seen.add(key)
      markings.push(next)
      parent.push(node)
      via.push(i)
    }
  }
  if (best < 0) return null
  const path: number[] = []
  for (let node = best; node > 0; node = parent[node]!) path.push(via[node]!)
  return path.reverse()
}
