import { compileFeel, compileFeelAll } from '../../src/platform/feel/index.js'
import type { CompiledFeelAll, CompiledFeelExpression } from '../../src/platform/feel/index.js'
import type { Enterprise } from './enterprises.js'
import type { FeelPolicy } from './policies.js'

/** What the benchmark times as "ours": facts in the evaluator's form, then one verdict a pair. */
export type PolicyEvaluator = {
  /** The enterprise as the evaluator reads it; built once per enterprise, inside the timing. */
  prepare(enterprise: Enterprise): Record<string, unknown>
  /** True when every condition of policy number `policy` is true for these facts. */
  eligible(facts: Record<string, unknown>, policy: number): boolean
}

/**
 * Every condition compiled once with the platform's `compileFeel`, a policy's conditions joined
 * by `compileFeelAll` into one generated function (closures, then the interpreter, only for
 * inputs the generated code defers on). The enterprise record is the context as it is: the date
 * of establishment stays a YYYY-MM-DD string, declared with `isoDates`. A policy is eligible
 * when `all` is true (false, or null for an undecided condition, is not eligible). Swap for
 * src/modules/policy's compiled evaluator when it lands.
 */
export function oursEvaluator(policies: readonly FeelPolicy[]): PolicyEvaluator {
  const compiled = policies.map((p) =>
    compileFeelAll(p.conditions.map((source) => compile(p.id, source))),
  )
  return {
    prepare: (enterprise) => enterprise,
    eligible: (facts, policy) => (compiled[policy] as CompiledFeelAll).evaluate(facts) === true,
  }
}

/** The enterprise's ISO date facts, as compileFeel's `isoDates`. */
const ISO_DATES = ['registered']

export function compile(policy: string, source: string): CompiledFeelExpression {
  const result = compileFeel(source, 'expression', { isoDates: ISO_DATES })
  if (!result.ok) {
    throw new Error(
      `${policy}: compileFeel(${source}) → ${result.error.kind}: ${result.error.message.en}`,
    )
  }
  return result.compiled
}
