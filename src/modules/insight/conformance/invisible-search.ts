import type { PetriNet } from './petri-net.js'
import { fire, isEnabled, type ReplayModel } from './replay-model.js'

/**
 * The invisible transitions a search may fire. At the end of a trace some are `eager`: the only
 * helper taking from each of their input places, and not adding tokens. Firing one never
 * disables another helper, so the search fires them at once instead of trying every
 * interleaving — a parallel block of optional branches costs one step, not 2^branches markings.
 * (While events remain, nothing is eager: skipping a branch early could skip a later event.)
 */
export interface SearchSpace {
  readonly branch: readonly number[]
  readonly eager: readonly number[]
}

/**
 * Invisible transitions that put tokens, directly or through other such transitions, on the
 * inputs of `transition` (or on the sink, for -1): no other invisible firing can help enable it.
 * An inclusive join also needs its upstream cleared, so whatever consumes there helps too; at the
 * end, so does dropping an unused inclusive branch.
 */
export function helpersOf(
  net: PetriNet,
  invisible: readonly number[],
  transition: number,
): SearchSpace {
  const places = new Set(transition < 0 ? [net.sink] : net.transitions[transition]!.inputs)
  const chosen = new Set<number>()
  const choose = (i: number) => {
    chosen.add(i)
    for (const p of net.transitions[i]!.inputs) places.add(p)
  }
  for (let grew = true; grew;) {
    grew = false
    for (const i of invisible) {
      const t = net.transitions[i]!
      if (chosen.has(i) || !t.outputs.some((p) => places.has(p))) continue
      choose(i)
      grew = true
      const upstream = new Set(t.orJoin?.upstream ?? [])
      for (const j of invisible) {
        if (!chosen.has(j) && net.transitions[j]!.inputs.some((p) => upstream.has(p))) choose(j)
      }
    }
  }
  const helpers = invisible.filter(
    (i) => chosen.has(i) || (transition < 0 && net.transitions[i]!.outputs.length === 0),
  )
  const consumers = new Map<number, number>()
  for (const i of helpers)
    for (const p of net.transitions[i]!.inputs) consumers.set(p, (consumers.get(p) ?? 0) + 1)
  const isEager = (i: number) => {
    const t = net.transitions[i]!
    return (
      transition < 0 &&
      !t.orJoin &&
      t.outputs.length <= t.inputs.length &&
      t.inputs.every((p) => consumers.get(p) === 1 && !t.outputs.includes(p))
    )
  }
  return { branch: helpers.filter((i) => !isEager(i)), eager: helpers.filter(isEager) }
}

/**
 * Breadth-first search over invisible firings from `start`, bounded by the model's limit: the
 * firing sequence to a marking of the lowest rank (0 stops at once; Infinity = not acceptable),
 * shortest in branching steps, or null when no acceptable marking was seen. Every marking is
 * first closed under the eager transitions.
 */
export function searchInvisible(
  model: ReplayModel,
  start: Int32Array,
  rank: (marking: Int32Array) => number,
  space: SearchSpace,
): number[] | null {
  const closeLimit = 4 * model.net.transitions.length
  const close = (marking: Int32Array, path: number[]) => {
    for (let fired = true, steps = 0; fired && steps < closeLimit;) {
      fired = false
      for (const i of space.eager) {
        const t = model.net.transitions[i]!
        if (!isEnabled(t, marking)) continue
        fire(t, marking)
        path.push(i)
        fired = true
        steps++
      }
    }
  }
  const root = start.slice()
  const rootPath: number[] = []
  close(root, rootPath)
  const markings = [root]
  const parent = [-1]
  const via = [rootPath]
  const seen = new Set([root.join(',')])
  let best = -1
  let bestRank = Infinity
  for (let node = 0; node < markings.length; node++) {
    const marking = markings[node]!
    const r = rank(marking)
    if (r < bestRank) [best, bestRank] = [node, r]
    if (r === 0) break
    if (seen.size >= model.searchLimit) continue
    for (const i of space.branch) {
      const t = model.net.transitions[i]!
      if (!isEnabled(t, marking)) continue
      const next = marking.slice()
      fire(t, next)
      const step = [i]
      close(next, step)
      const key = next.join(',')
      if (seen.has(key)) continue
      seen.add(key)
      markings.push(next)
      parent.push(node)
      via.push(step)
    }
  }
  if (best < 0) return null
  const steps: number[][] = []
  for (let node = best; node >= 0; node = parent[node]!) steps.push(via[node]!)
  return steps.reverse().flat()
}

/**
 * A quicker first try at enabling `target`: for each empty input, an invisible transition that
 * produces there is enabled the same way (recursively; enabled producers first) and fired.
 * Linear where the breadth-first search would try every combination of independent branches;
 * null when it gets stuck or spends its budget (the caller then searches).
 */
export function chainInvisible(
  model: ReplayModel,
  start: Int32Array,
  target: number,
): number[] | null {
  const { transitions } = model.net
  const marking = start.slice()
  const path: number[] = []
  let budget = 4 * transitions.length
  const enable = (t: number, visiting: Set<number>): boolean => {
    const transition = transitions[t]!
    if (transition.orJoin) return isEnabled(transition, marking)
    for (const p of transition.inputs) {
      if (marking[p]! > 0) continue
      const producers = model.producers(p).filter((u) => !visiting.has(u))
      producers.sort(
        (a, b) =>
          Number(isEnabled(transitions[b]!, marking)) - Number(isEnabled(transitions[a]!, marking)),
      )
      const made = producers.some((u) => {
        if (--budget < 0) return false
        const saved = { marking: marking.slice(), length: path.length }
        visiting.add(u)
        const ok = enable(u, visiting) && isEnabled(transitions[u]!, marking)
        visiting.delete(u)
        if (ok) {
          fire(transitions[u]!, marking)
          path.push(u)
          return true
        }
        marking.set(saved.marking)
        path.length = saved.length
        return false
      })
      if (!made) return false
    }
    return true
  }
  return enable(target, new Set([target])) && isEnabled(transitions[target]!, marking) ? path : null
}
