import { versionOn } from './compile-policy.js'
import type { CompiledCondition, CompiledPolicy, CompiledVersion } from './compile-policy.js'
import { isMissing } from './fact-values.js'
import { run } from './feel-compile.js'
import { readsUnknown } from './knowledge.js'
import type { Undecided } from './knowledge.js'
import { decideAll, feelContext } from './policy-context.js'
import type { EligibilityStatus } from './policy.types.js'

const MEMO_LIMIT = 1024

/**
 * The fast path: eligibility only, no explanation objects. Stops at the first failed condition;
 * a condition reading a missing fact makes the result possibly_eligible unless another fails.
 * Facts must already fit their declared types (evaluatePolicy checks them; this does not).
 * A version without decisions or date facts evaluates over `facts` itself, allocating nothing
 * beyond what the FEEL engine does per expression; a condition of one string or boolean fact
 * reuses its result for a value it has met before.
 */
export function isEligible(
  policy: CompiledPolicy,
  facts: Readonly<Record<string, unknown>>,
  on: string,
): EligibilityStatus {
  const version = versionOn(policy, on)
  return version === null ? 'not_eligible' : versionEligibility(version, facts, on)
}

/** As isEligible, for a version already chosen (a batch over one date picks it once). */
export function versionEligibility(
  version: CompiledVersion,
  facts: Readonly<Record<string, unknown>>,
  on: string,
): EligibilityStatus {
  const context = feelContext(version, facts, on)
  const undecided = version.decisions.length === 0 ? null : decideAll(version, context)
  const conditions = version.conditions
  let open = false
  for (let i = 0; i < conditions.length; i++) {
    const passed = conditionResult(conditions[i] as CompiledCondition, context, undecided)
    if (passed === false) return 'not_eligible'
    if (passed === null) open = true
  }
  return open ? 'possibly_eligible' : 'eligible'
}

/** true / false, or null when a fact is missing or the result is not a boolean. */
function conditionResult(
  condition: CompiledCondition,
  context: Record<string, unknown>,
  undecided: Undecided,
): boolean | null {
  const { onlyFact, memo } = condition
  if (onlyFact === null || memo === null) {
    return readsUnknown(condition.feel, context, undecided) ? null : evaluated(condition, context)
  }
  const value = context[onlyFact]
  if (isMissing(value)) return null
  if (typeof value !== 'string' && typeof value !== 'boolean') return evaluated(condition, context)
  const known = memo.get(value)
  if (known !== undefined) return known
  const result = evaluated(condition, context)
  if (memo.size < MEMO_LIMIT) memo.set(value, result)
  return result
}

function evaluated(condition: CompiledCondition, context: Record<string, unknown>): boolean | null {
  const result = run(condition.feel.compiled, context)
  return result.ok && typeof result.value === 'boolean' ? result.value : null
}
