import { compileFeel } from '../../src/platform/feel/index.js'
import type { CompiledFeelExpression } from '../../src/platform/feel/index.js'
import type { Enterprise } from './enterprises.js'
import { feelContext } from './feel-context.js'
import type { FeelPolicy } from './policies.js'

/** What the benchmark times as "ours": facts in the evaluator's form, then one verdict a pair. */
export type PolicyEvaluator = {
  /** The enterprise as the evaluator reads it; built once per enterprise, inside the timing. */
  prepare(enterprise: Enterprise): Record<string, unknown>
  /** True when every condition of policy number `policy` is true for these facts. */
  eligible(facts: Record<string, unknown>, policy: number): boolean
}

/**
 * Today: every condition compiled once with the platform's `compileFeel` and run through
 * `evaluate` (closures, interpreter only for inputs they defer on); the first condition that is
 * not `true` (false, null, error) ends the policy. Swap for src/modules/policy's compiled
 * evaluator when it lands.
 */
export function oursEvaluator(policies: readonly FeelPolicy[]): PolicyEvaluator {
  const compiled = policies.map((p) => p.conditions.map((source) => compile(p.id, source)))
  return {
    prepare: feelContext,
    eligible: (facts, policy) => {
      const conditions = compiled[policy] ?? []
      for (let i = 0; i < conditions.length; i++) {
        const result = (conditions[i] as CompiledFeelExpression).evaluate(facts)
        if (!result.ok || result.value !== true) return false
      }
      return true
    },
  }
}

export function compile(policy: string, source: string): CompiledFeelExpression {
  const result = compileFeel(source, 'expression')
  if (!result.ok) {
    throw new Error(
      `${policy}: compileFeel(${source}) → ${result.error.kind}: ${result.error.message.en}`,
    )
  }
  return result.compiled
}
