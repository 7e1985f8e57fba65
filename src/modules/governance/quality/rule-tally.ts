import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'
import { createLineSampler } from './line-sampler.js'
import type { LineSampler, Sampled } from './line-sampler.js'
import { seedOf } from './random.js'
import type { RuleFailure } from './rule.types.js'

/** One failing row kept as an example: its line, the rule's fields' values and why. */
export interface FailureSample {
  line: number
  values: Record<string, string | null>
  reason: string
  message: LocalizedMessage
  /** For a row that could not be read: the start of its text, when the reader gave it. */
  raw?: string
}

/** Counts of one rule over a run, and a bounded sample of its failures. */
export interface RuleTally {
  passed: number
  failed: number
  skipped: number
  reasons: Map<string, number>
  samples: LineSampler<FailureSample>
  /** A new, empty sampler like this tally's. */
  restart(): LineSampler<FailureSample>
}

export function createTally(ruleId: string, sampleSize: number, seed: number): RuleTally {
  const samplerSeed = seedOf(ruleId, seed)
  return {
    passed: 0,
    failed: 0,
    skipped: 0,
    reasons: new Map(),
    samples: createLineSampler(sampleSize, samplerSeed),
    restart: () => createLineSampler(sampleSize, samplerSeed),
  }
}

/** Back to zero, samples included, as a new tally of the same rule. */
export function resetTally(tally: RuleTally): void {
  tally.passed = 0
  tally.failed = 0
  tally.skipped = 0
  tally.reasons.clear()
  tally.samples = tally.restart()
}

/** Counts a failure on `line`; `sample` builds the example only if the sampler keeps it. */
export function countFailure(
  tally: RuleTally,
  failure: RuleFailure,
  line: number,
  sample?: () => FailureSample,
): void {
  tally.failed++
  tally.reasons.set(failure.reason, (tally.reasons.get(failure.reason) ?? 0) + 1)
  if (sample) tally.samples.offer(line, sample)
}

/** A tally as plain data, to send from a worker and merge into the run's own. */
export interface TallyState {
  passed: number
  failed: number
  skipped: number
  reasons: [string, number][]
  samples: Sampled<FailureSample>[]
}

export function tallyState(tally: RuleTally): TallyState {
  const { passed, failed, skipped } = tally
  return {
    passed,
    failed,
    skipped,
    reasons: [...tally.reasons],
    samples: [...tally.samples.kept()],
  }
}

/** Adds a tally of other rows (same rule, same seed) to this one. */
export function mergeTally(tally: RuleTally, state: TallyState): void {
  tally.passed += state.passed
  tally.failed += state.failed
  tally.skipped += state.skipped
  for (const [reason, count] of state.reasons) {
    tally.reasons.set(reason, (tally.reasons.get(reason) ?? 0) + count)
  }
  tally.samples.merge(state.samples)
}

/** The values of the given fields, for a sample. */
export function pickValues(
  values: Readonly<Record<string, string | null>>,
  fields: readonly string[],
): Record<string, string | null> {
  const picked: Record<string, string | null> = {}
  for (const field of fields) picked[field] = values[field] ?? null
  return picked
}
