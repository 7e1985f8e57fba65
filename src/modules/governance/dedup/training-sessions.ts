import type { CandidatePairs } from './blocking.js'
import type { ComparisonPatterns } from './fellegi-sunter.js'
import type { PreparedField } from './field-comparators.js'
import type { TrainingSession } from './training.js'
import type { BlockingRule } from './types.js'

/** The fields a rule's key reads, and the fields related to one of those (either way round). */
const readFields = (rule: BlockingRule, fields: readonly PreparedField[]): Set<string> => {
  const keyFields = new Set(rule.parts.map((part) => part.field))
  const read = new Set(keyFields)
  for (const field of fields) {
    const related = field.spec.related ?? []
    if (keyFields.has(field.name)) for (const name of related) read.add(name)
    if (related.some((name) => keyFields.has(name))) read.add(field.name)
  }
  return read
}

/**
 * One training session per blocking rule: every candidate pair agreeing on the rule's key (in a
 * block that was compared), whichever rule produced it, counted per pattern; the weighted fields
 * the key reads, and the fields related to them, are excluded.
 */
export const trainingSessions = (
  rules: readonly BlockingRule[],
  keysByRule: readonly (readonly (string | null)[])[],
  skippedKeys: readonly ReadonlySet<string>[],
  pairs: CandidatePairs,
  patterns: ComparisonPatterns,
  weighted: readonly PreparedField[],
): TrainingSession[] =>
  rules.map((rule, r) => {
    const keys = keysByRule[r] ?? []
    const skipped = skippedKeys[r] ?? new Set<string>()
    const counts = new Float64Array(patterns.counts.length)
    patterns.patternOfPair.forEach((pattern, p) => {
      const key = keys[pairs.left[p] ?? 0]
      if (key === null || key === undefined || skipped.has(key)) return
      if (key === keys[pairs.right[p] ?? 0]) counts[pattern] = (counts[pattern] ?? 0) + 1
    })
    const read = readFields(rule, weighted)
    const excluded = new Set(weighted.flatMap((field, f) => (read.has(field.name) ? [f] : [])))
    return { name: rule.name, counts, excluded }
  })
