import { classifyDeviations, type Deviation, type ReplayStep } from './deviations.js'
import { chainInvisible, searchInvisible, type SearchSpace } from './invisible-search.js'
import { fire, isEnabled, mayEnable, type ReplayModel } from './replay-model.js'

/** One trace replayed: Rozinat & van der Aalst's token counts and where it deviated. */
export interface TraceReplay {
  /** ½(1 − missing/consumed) + ½(1 − remaining/produced). */
  readonly fitness: number
  readonly missing: number
  readonly remaining: number
  readonly produced: number
  readonly consumed: number
  readonly deviations: readonly Deviation[]
}

/**
 * Token-based replay of one trace. An event whose transition is not enabled first gets the
 * shortest sequence of invisible firings that enables it; failing that, its missing tokens are
 * created and counted. An event of an activity the model lacks counts as one missing and one
 * remaining token (as a transition of its own, outside the net). At the end, invisible firings
 * move what they can to the sink, whose tokens are consumed; an empty sink is one missing token.
 */
export function replayTrace(model: ReplayModel, activities: readonly string[]): TraceReplay {
  const { net } = model
  const marking = new Int32Array(net.places.length)
  marking[net.source] = 1
  const totals = { missing: 0, produced: 1, consumed: 0, outside: 0 }
  const fireCounted = (t: number) => {
    const moved = fire(net.transitions[t]!, marking)
    totals.consumed += moved.consumed
    totals.produced += moved.produced
  }
  const steps: ReplayStep[] = activities.map((activity) => {
    const candidates = model.byLabel.get(activity)
    if (!candidates) {
      totals.outside++
      return { transition: -1, missing: [], before: null }
    }
    const enabledOne = (m: Int32Array) => candidates.find((t) => isEnabled(net.transitions[t]!, m))
    if (enabledOne(marking) === undefined) {
      const reachable = candidates.filter((t) => mayEnable(model, net.transitions[t]!, marking))
      const helpers =
        reachable.length === 1 ? model.helpers(reachable[0]!) : merged(model, reachable)
      const rank = (m: Int32Array) => (enabledOne(m) === undefined ? Infinity : 0)
      const chained = reachable.length === 1 ? chainInvisible(model, marking, reachable[0]!) : null
      const path =
        chained ?? (reachable.length > 0 ? searchInvisible(model, marking, rank, helpers) : null)
      path?.forEach(fireCounted)
    }
    let transition = enabledOne(marking)
    let missing: number[] = []
    let before: Int32Array | null = null
    if (transition === undefined) {
      transition = leastMissing(model, candidates, marking)
      before = marking.slice()
      missing = net.transitions[transition]!.inputs.filter((p) => marking[p] === 0)
      for (const p of missing) marking[p] = 1
      totals.missing += missing.length
    }
    fireCounted(transition)
    return { transition, missing, before }
  })
  const toEnd = (m: Int32Array) => endRank(m, net.sink)
  searchInvisible(model, marking, toEnd, model.helpers(-1))?.forEach(fireCounted)
  const ended = marking[net.sink]! > 0
  totals.consumed += ended ? marking[net.sink]! : 1
  if (!ended) totals.missing++
  marking[net.sink] = 0
  const left = marking.reduce((sum, n) => sum + n, 0)
  const missing = totals.missing + totals.outside
  const remaining = left + totals.outside
  const produced = totals.produced + totals.outside
  const consumed = totals.consumed + totals.outside
  return {
    fitness: 0.5 * (1 - missing / consumed) + 0.5 * (1 - remaining / produced),
    missing,
    remaining,
    produced,
    consumed,
    deviations: classifyDeviations(model, activities, steps, marking, !ended),
  }
}

/** Helpers of several transitions with one label: searched together, none fired eagerly. */
function merged(model: ReplayModel, transitions: readonly number[]): SearchSpace {
  const spaces = transitions.map((t) => model.helpers(t))
  const all = new Set(spaces.flatMap((s) => [...s.branch, ...s.eager]))
  return { branch: [...all], eager: [] }
}

function leastMissing(model: ReplayModel, candidates: readonly number[], marking: Int32Array) {
  const lacking = (t: number) =>
    model.net.transitions[t]!.inputs.filter((p) => marking[p] === 0).length
  return candidates.reduce((best, t) => (lacking(t) < lacking(best) ? t : best))
}

/** 0 = only the sink is marked; otherwise fewer tokens left elsewhere is better, sink first. */
function endRank(marking: Int32Array, sink: number): number {
  let elsewhere = 0
  marking.forEach((n, p) => (elsewhere += p === sink ? 0 : n))
  return marking[sink]! > 0 ? elsewhere : 1e9 + elsewhere
}
