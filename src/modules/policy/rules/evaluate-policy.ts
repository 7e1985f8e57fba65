import { formatAmount } from './amount.js'
import { versionOn } from './compile-policy.js'
import type { CompiledCondition, CompiledPolicy, CompiledVersion } from './compile-policy.js'
import type { TableResult } from './evaluate-table.js'
import { factValueProblem, isIsoDate, isMissing } from './fact-values.js'
import { run } from './feel-compile.js'
import type { CheckedFeel } from './feel-compile.js'
import { addNeed, readsUnknown } from './knowledge.js'
import type { Undecided } from './knowledge.js'
import { decideAll, feelContext } from './policy-context.js'
import type { EligibilityStatus, LocalizedText } from './policy.types.js'

/** The date the rules are applied to, or a tax year (its rules are those of 31 December). */
export type EvaluateOptions = { on: string } | { taxYear: number }

export type ConditionStatus = 'passed' | 'failed' | 'unknown' | 'error'

export type ConditionExplanation = {
  id: string
  description: LocalizedText
  expression: string
  status: ConditionStatus
  /** The facts the condition read, with the values it saw (null = missing). */
  facts: Record<string, unknown>
  /** The decisions it read, with their results (null = undecided or no match). */
  decisions: Record<string, unknown>
  /** Missing facts that keep an unknown condition from being decided. */
  need: string[]
  error?: LocalizedText
}

export type DecisionExplanation = {
  name: string
  status: 'decided' | 'unknown' | 'error'
  value: unknown
  /** Indices of the rules that matched. */
  matchedRules: readonly number[]
  need: readonly string[]
  error?: LocalizedText
}

/** A problem met while evaluating: a fact of the wrong type, a hit policy violated, a non-boolean condition. */
export type EvaluationError = { path: string; message: LocalizedText }

export type PolicyEvaluation = {
  policy: string
  on: string
  status: EligibilityStatus
  /** False when no version is in force on the date (then not_eligible, nothing evaluated). */
  inForce: boolean
  version: {
    index: number
    validFrom: string
    validTo: string | null
    documentNumber: string
  } | null
  exemptApplication: boolean
  /** Missing facts that would decide the result, the amount or the outcome, in declaration order. */
  need: string[]
  conditions: ConditionExplanation[]
  decisions: DecisionExplanation[]
  /** An exact decimal, rounded half-up to the amount's scale; null when not computed. */
  amount: { value: string; unit: string } | null
  outcome: unknown
  errors: EvaluationError[]
}

/**
 * Evaluates a policy for one enterprise with a full explanation: the version in force on the
 * date, each condition's status and the fact values it read, decision results, the amount and
 * the outcome. Missing facts never count as false: a condition reading one is unknown and the
 * result is possibly_eligible (with `need`) unless another condition failed. Never throws.
 */
export function evaluatePolicy(
  policy: CompiledPolicy,
  facts: Readonly<Record<string, unknown>>,
  options: EvaluateOptions,
): PolicyEvaluation {
  const on = 'taxYear' in options ? `${options.taxYear}-12-31` : options.on
  // Results are built as literals, not by spreading a shared base: V8 copies spreads slowly.
  const result: PolicyEvaluation = {
    policy: policy.document.code,
    on,
    status: 'not_eligible',
    inForce: false,
    version: null,
    exemptApplication: policy.document.exemptApplication,
    need: [],
    conditions: [],
    decisions: [],
    amount: null,
    outcome: null,
    errors: [],
  }
  const clean = checkedFacts(policy, facts, result.errors)
  if (!isIsoDate(on)) {
    result.errors.push(notADate(on))
    return result
  }
  const version = versionOn(policy, on)
  if (version === null) return result
  result.inForce = true
  result.version = describeVersion(policy, version)
  explain(version, feelContext(version, clean, on), clean, result)
  if (result.status !== 'not_eligible') {
    result.need = [...policy.facts.keys()].filter((name) => result.need.includes(name))
  }
  return result
}

/** Fills the result's decisions, conditions, status, need, amount and outcome. */
function explain(
  version: CompiledVersion,
  context: Record<string, unknown>,
  clean: Readonly<Record<string, unknown>>,
  result: PolicyEvaluation,
): void {
  const { decisions, errors } = result
  const undecided = decideAll(version, context, (name, table) =>
    decisions.push(explainDecision(name, table, errors, version)),
  )
  const failed = new Set(decisions.filter((d) => d.status === 'error').map((d) => d.name))
  const scope: Scope = { context, clean, undecided, failed }
  result.conditions = version.conditions.map((c) => explainCondition(c, scope, errors, version))
  result.status = overall(result.conditions)
  if (result.status === 'not_eligible') return
  const need = result.conditions.flatMap((c) => c.need)
  result.amount = computeAmount(version, context, undecided, need, errors)
  if (version.outcome !== null) {
    result.outcome = computeValue(version.outcome, context, undecided, need)
  }
  result.need = need
}

function notADate(on: string): EvaluationError {
  return { path: '/on', message: { zh: `日期“${on}”无效`, en: `'${on}' is not a date` } }
}

type Scope = {
  context: Record<string, unknown>
  clean: Readonly<Record<string, unknown>>
  undecided: Undecided
  failed: ReadonlySet<string>
}

/** Facts of the wrong type are reported and then treated as missing. */
function checkedFacts(
  policy: CompiledPolicy,
  facts: Readonly<Record<string, unknown>>,
  errors: EvaluationError[],
): Readonly<Record<string, unknown>> {
  let clean: Record<string, unknown> | null = null
  for (const [name, fact] of policy.facts) {
    const value = facts[name]
    const problem = isMissing(value) ? null : factValueProblem(fact, value)
    if (problem === null) continue
    errors.push({ path: `/facts/${name}`, message: problem })
    clean ??= { ...facts }
    delete clean[name]
  }
  return clean ?? facts
}

function explainDecision(
  name: string,
  result: TableResult,
  errors: EvaluationError[],
  version: CompiledVersion,
): DecisionExplanation {
  const matchedRules = result.matched
  switch (result.status) {
    case 'decided':
      return { name, status: 'decided', value: plain(result.value), matchedRules, need: [] }
    case 'unknown':
      return { name, status: 'unknown', value: null, matchedRules, need: result.need }
    case 'error': {
      const index = version.decisions.findIndex((d) => d.spec.name === name)
      errors.push({
        path: `/versions/${version.index}/decisions/${index}`,
        message: result.message,
      })
      return {
        name,
        status: 'error',
        value: null,
        matchedRules,
        need: [],
        error: result.message,
      }
    }
  }
}

function explainCondition(
  condition: CompiledCondition,
  scope: Scope,
  errors: EvaluationError[],
  version: CompiledVersion,
): ConditionExplanation {
  const { feel, spec } = condition
  const explanation: ConditionExplanation = {
    id: spec.id,
    description: spec.description,
    expression: spec.expression,
    status: 'unknown',
    facts: {},
    decisions: {},
    need: [],
  }
  for (const name of feel.facts) explanation.facts[name] = scope.clean[name] ?? null
  for (const name of feel.decisions)
    explanation.decisions[name] = plain(scope.context[name] ?? null)
  const brokenDecision = feel.decisions.find((name) => scope.failed.has(name))
  if (brokenDecision !== undefined) {
    explanation.status = 'error'
    explanation.error = {
      zh: `决策“${brokenDecision}”求值出错`,
      en: `Decision '${brokenDecision}' failed`,
    }
    return explanation
  }
  if (readsUnknown(feel, scope.context, scope.undecided)) {
    addNeed(feel, scope.context, scope.undecided, explanation.need)
    return explanation
  }
  const result = run(feel.compiled, scope.context)
  if (result.ok && typeof result.value === 'boolean') {
    explanation.status = result.value ? 'passed' : 'failed'
    return explanation
  }
  const got = result.ok
    ? result.value === null
      ? 'null'
      : typeof result.value
    : result.error.message.en
  explanation.status = 'error'
  explanation.error = {
    zh: `条件结果应为 true 或 false，实际为 ${got}`,
    en: `The condition yields ${got}, not true or false`,
  }
  const index = version.conditions.indexOf(condition)
  errors.push({
    path: `/versions/${version.index}/eligibility/${index}/expression`,
    message: explanation.error,
  })
  return explanation
}

function overall(conditions: readonly ConditionExplanation[]): EligibilityStatus {
  if (conditions.some((c) => c.status === 'failed')) return 'not_eligible'
  return conditions.every((c) => c.status === 'passed') ? 'eligible' : 'possibly_eligible'
}

const UNDECIDED = Symbol('undecided')

function computeValue(
  feel: CheckedFeel,
  context: Record<string, unknown>,
  undecided: Undecided,
  need: string[],
): unknown {
  const value = rawValue(feel, context, undecided, need)
  return value === UNDECIDED ? null : plain(value)
}

function rawValue(
  feel: CheckedFeel,
  context: Record<string, unknown>,
  undecided: Undecided,
  need: string[],
): unknown {
  if (readsUnknown(feel, context, undecided)) {
    addNeed(feel, context, undecided, need)
    return UNDECIDED
  }
  const result = run(feel.compiled, context)
  return result.ok ? result.value : null
}

function computeAmount(
  version: CompiledVersion,
  context: Record<string, unknown>,
  undecided: Undecided,
  need: string[],
  errors: EvaluationError[],
): PolicyEvaluation['amount'] {
  const spec = version.version.amount
  if (version.amount === null || spec === null) return null
  const value = rawValue(version.amount, context, undecided, need)
  if (value === UNDECIDED) return null
  if (typeof value === 'number' && Number.isFinite(value))
    return { value: formatAmount(value, spec.scale), unit: spec.unit }
  errors.push({
    path: `/versions/${version.index}/amount/expression`,
    message: {
      zh: `金额应为数字，实际为 ${value === null ? 'null' : typeof value}`,
      en: `The amount must be a number, got ${value === null ? 'null' : typeof value}`,
    },
  })
  return null
}

function describeVersion(
  policy: CompiledPolicy,
  version: CompiledVersion,
): PolicyEvaluation['version'] {
  const { validFrom, validTo, documentNumber } = version.version
  return {
    index: version.index,
    validFrom,
    validTo,
    documentNumber: documentNumber ?? policy.document.documentNumber,
  }
}

/** FEEL values as plain JSON values (dates become ISO strings). */
function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  return JSON.parse(JSON.stringify(value)) as unknown
}
