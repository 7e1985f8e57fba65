import type { ReplayModel } from './replay-model.js'

/**
 * Where a trace leaves the model (positions are 0-based event indices; the trace's length means
 * "at its end"):
 * - skipped: the model required these activities before this event (or before the end) and the
 *   trace does not have them there — tokens were missing;
 * - inserted: an event the model cannot have here — its activity is not in the model, or it was
 *   not enabled and nothing the model could do first would enable it (a repetition, say);
 * - out_of_order: an event that came before activities the model puts first; they came later
 *   and their tokens were left over.
 */
export type Deviation =
  | {
      readonly kind: 'skipped'
      readonly position: number
      /** The event the skipped activities should have preceded; null = the end of the case. */
      readonly activity: string | null
      /** In model order; empty when no way to the end was left at all. */
      readonly skipped: readonly string[]
    }
  | {
      readonly kind: 'inserted'
      readonly position: number
      readonly activity: string
      readonly reason: 'not_in_model' | 'not_enabled'
    }
  | {
      readonly kind: 'out_of_order'
      readonly position: number
      readonly activity: string
      /** The activities it should have followed, each once, as they came in the trace. */
      readonly before: readonly string[]
    }

/** What replay did at one event: the transition fired (-1: none has its label). */
export interface ReplayStep {
  readonly transition: number
  /** Places whose tokens were missing and created. */
  readonly missing: readonly number[]
  /** The marking before the missing tokens were created (only when some were). */
  readonly before: Int32Array | null
}

export function classifyDeviations(
  model: ReplayModel,
  activities: readonly string[],
  steps: readonly ReplayStep[],
  left: Int32Array,
  unfinished: boolean,
): Deviation[] {
  const out: Deviation[] = []
  steps.forEach((step, position) => {
    const activity = activities[position]!
    if (step.transition < 0) {
      out.push({ kind: 'inserted', position, activity, reason: 'not_in_model' })
      return
    }
    if (step.missing.length === 0) return
    const before = lateArrivals(model, steps, activities, position, left)
    if (before.length > 0) {
      out.push({ kind: 'out_of_order', position, activity, before })
      return
    }
    const skipped = skippedActivities(model, step.before!, step.missing)
    if (skipped === null || skipped.length === 0) {
      out.push({ kind: 'inserted', position, activity, reason: 'not_enabled' })
    } else {
      out.push({ kind: 'skipped', position, activity, skipped })
    }
  })
  if (unfinished) {
    const skipped = skippedActivities(model, left, [model.net.sink]) ?? []
    out.push({ kind: 'skipped', position: activities.length, activity: null, skipped })
  }
  return out
}

/**
 * Later events whose tokens flow (by invisible transitions) into a place this event found empty,
 * when tokens were left on the way there at the end: they came too late.
 */
function lateArrivals(
  model: ReplayModel,
  steps: readonly ReplayStep[],
  activities: readonly string[],
  position: number,
  left: Int32Array,
): string[] {
  const missing = steps[position]!.missing
  const feeds = (place: number) => missing.some((m) => model.silentReach(place).has(m))
  let leftOver = false
  left.forEach((n, place) => (leftOver ||= n > 0 && feeds(place)))
  if (!leftOver) return []
  const late = new Set<string>()
  for (let j = position + 1; j < steps.length; j++) {
    const t = model.net.transitions[steps[j]!.transition]
    if (t && t.outputs.some(feeds)) late.add(activities[j]!)
  }
  return [...late]
}

/**
 * The visible transitions that would have to fire to put tokens on every target from `marking`:
 * a cheapest derivation where a transition costs the sum of its inputs' costs (an inclusive join
 * the cheapest input's) plus one when visible. Null when some target cannot be reached.
 */
export function skippedActivities(
  model: ReplayModel,
  marking: Int32Array,
  targets: readonly number[],
): string[] | null {
  const { transitions } = model.net
  const cost = new Float64Array(marking.length).fill(Infinity)
  const via = new Int32Array(marking.length).fill(-1)
  marking.forEach((n, p) => n > 0 && (cost[p] = 0))
  for (let changed = true, rounds = 0; changed && rounds <= marking.length; rounds++) {
    changed = false
    transitions.forEach((t, i) => {
      const inputs = t.inputs.map((p) => cost[p]!)
      const base = t.orJoin ? Math.min(...inputs) : inputs.reduce((a, b) => a + b, 0)
      const c = base + (t.label === null ? 0 : 1)
      if (!Number.isFinite(c)) return
      for (const p of t.outputs) {
        if (c < cost[p]!) [cost[p], via[p], changed] = [c, i, true]
      }
    })
  }
  if (targets.some((p) => !Number.isFinite(cost[p]!))) return null
  const labels: string[] = []
  const visited = new Set<number>()
  const derive = (place: number): void => {
    const i = via[place]!
    if (cost[place] === 0 || i < 0 || visited.has(i)) return
    visited.add(i)
    const t = transitions[i]!
    const inputs = t.orJoin ? [t.inputs.reduce((a, b) => (cost[b]! < cost[a]! ? b : a))] : t.inputs
    inputs.forEach(derive)
    if (t.label !== null) labels.push(t.label)
  }
  targets.forEach(derive)
  return labels
}
