import { helpersOf, type SearchSpace } from './invisible-search.js'
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
  /** The invisible transitions with `place` among their outputs. */
  producers(place: number): readonly number[]
  /** The invisible transitions that can help enable `transition` (-1: reach the sink). */
  helpers(transition: number): SearchSpace
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
  const helping = new Map<number, SearchSpace>()
  const helpers = (transition: number): SearchSpace => {
    let list = helping.get(transition)
    if (!list) helping.set(transition, (list = helpersOf(net, invisible, transition)))
    return list
  }
  const producing = net.places.map(() => [] as number[])
  for (const i of invisible) for (const p of net.transitions[i]!.outputs) producing[p]!.push(i)
  const producers = (place: number): readonly number[] => producing[place]!
  return { net, byLabel, invisible, searchLimit, silentReach, producers, helpers }
}

/** Whether invisible firings could possibly mark every input of `t` (a quick structural check). */
export function mayEnable(model: ReplayModel, t: Transition, marking: Int32Array): boolean {
  return t.inputs.every((p) => {
    if (marking[p]! > 0) return true
    for (let q = 0; q < marking.length; q++) {
      if (marking[q]! > 0 && model.silentReach(q).has(p)) return true
    }
    return false
  })
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
