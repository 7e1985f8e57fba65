import type { Variant } from '../log/variants.js'
import type { ReplayModel } from './replay-model.js'
import { replayTrace, type TraceReplay } from './token-replay.js'

export interface VariantConformance {
  readonly activities: readonly string[]
  readonly count: number
  readonly caseIds?: readonly string[]
  readonly replay: TraceReplay
}

/** How often an activity was skipped, inserted or out of order, in cases. */
export interface DeviationCount {
  readonly kind: 'skipped' | 'inserted' | 'out_of_order'
  readonly activity: string
  readonly cases: number
}

export interface ConformanceReport {
  /** Log fitness: ½(1 − Σm/Σc) + ½(1 − Σr/Σp) over all cases. */
  readonly fitness: number
  /** The mean of the cases' own fitness. */
  readonly meanCaseFitness: number
  readonly caseCount: number
  readonly fittingCaseCount: number
  /** Most frequent first, as given. */
  readonly variants: readonly VariantConformance[]
  /** Per case, for the case ids the variants carry (they may list only some). */
  readonly cases: readonly { readonly caseId: string; readonly fitness: number }[]
  /** Case ids (those the variants carry) whose trace deviates. */
  readonly nonConformingCases: readonly string[]
  readonly deviations: readonly DeviationCount[]
}

/** Replays each variant once and credits the result to all of its cases. */
export function replayVariants(
  model: ReplayModel,
  variants: readonly Variant[],
): ConformanceReport {
  const memo = new Map<string, TraceReplay>()
  const replayed = variants.map((v) => {
    const key = v.activities.join('\u0001')
    let replay = memo.get(key)
    if (!replay) memo.set(key, (replay = replayTrace(model, v.activities)))
    return { ...v, replay }
  })
  return report(replayed)
}

/**
 * Every case's fitness, given the variant index of each case (as indexVariants returns it with
 * the same variants): the report's `cases` list only names the case ids the variants carry.
 */
export function fitnessPerCase(report: ConformanceReport, caseVariant: Int32Array): Float64Array {
  const byVariant = report.variants.map((v) => v.replay.fitness)
  return Float64Array.from(caseVariant, (v) => byVariant[v]!)
}

function report(variants: readonly VariantConformance[]): ConformanceReport {
  const sum = { m: 0, r: 0, p: 0, c: 0, fitness: 0, cases: 0, fitting: 0 }
  const cases: { caseId: string; fitness: number }[] = []
  const nonConformingCases: string[] = []
  for (const { count, caseIds = [], replay } of variants) {
    sum.m += count * replay.missing
    sum.r += count * replay.remaining
    sum.p += count * replay.produced
    sum.c += count * replay.consumed
    sum.fitness += count * replay.fitness
    sum.cases += count
    const fits = replay.deviations.length === 0 && replay.fitness === 1
    if (fits) sum.fitting += count
    for (const caseId of caseIds) {
      cases.push({ caseId, fitness: replay.fitness })
      if (!fits) nonConformingCases.push(caseId)
    }
  }
  const empty = sum.cases === 0
  return {
    fitness: empty ? 1 : 0.5 * (1 - sum.m / sum.c) + 0.5 * (1 - sum.r / sum.p),
    meanCaseFitness: empty ? 1 : sum.fitness / sum.cases,
    caseCount: sum.cases,
    fittingCaseCount: sum.fitting,
    variants,
    cases,
    nonConformingCases,
    deviations: countDeviations(variants),
  }
}

function countDeviations(variants: readonly VariantConformance[]): DeviationCount[] {
  const counts = new Map<string, DeviationCount>()
  const add = (kind: DeviationCount['kind'], activity: string, cases: number) => {
    const key = `${kind}\u0001${activity}`
    counts.set(key, { kind, activity, cases: (counts.get(key)?.cases ?? 0) + cases })
  }
  for (const { count, replay } of variants) {
    for (const d of replay.deviations) {
      if (d.kind === 'skipped') d.skipped.forEach((a) => add('skipped', a, count))
      else add(d.kind, d.activity, count)
    }
  }
  return [...counts.values()].sort((a, b) => b.cases - a.cases)
}
