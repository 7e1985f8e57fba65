import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'
import { createRandom, createReservoir, seedOf } from './random.js'
import type { Reservoir } from './random.js'
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
  samples: Reservoir<FailureSample>
}

export function createTally(ruleId: string, sampleSize: number, seed: number): RuleTally {
  return {
    passed: 0,
    failed: 0,
    skipped: 0,
    reasons: new Map(),
    samples: createReservoir(sampleSize, createRandom(seedOf(ruleId, seed))),
  }
}

/** Counts a failure; `sample` builds the example only if the reservoir keeps it. */
export function countFailure(
  tally: RuleTally,
  failure: RuleFailure,
  sample?: () => FailureSample,
): void {
  tally.failed++
  tally.reasons.set(failure.reason, (tally.reasons.get(failure.reason) ?? 0) + 1)
  if (sample) tally.samples.offer(sample)
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
