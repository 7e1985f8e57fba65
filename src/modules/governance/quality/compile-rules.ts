import { findElement } from '../standards/index.js'
import type { DataElement, DataStandard, ValidationContext } from '../standards/index.js'
import { checkRules } from './check-rules.js'
import { crossCheckRule } from './cross-check-rules.js'
import { requiredRule, validRule } from './element-rules.js'
import { feelRule } from './feel-rule.js'
import { keyIndexFor, referenceRule, timelyRule, uniqueRule } from './lookup-rules.js'
import type { KeyIndex } from './key-index.js'
import { QualityRuleError } from './rule-errors.js'
import type { CompiledRule, QualityRuleSpec, UniqueRuleSpec } from './rule.types.js'

function elementOf(standard: DataStandard, key: string): DataElement {
  const element = findElement(standard, key)
  // checkRules has refused unknown elements already.
  if (element === undefined) throw new Error(`No element ${key} in ${standard.code}`)
  return element
}

/** The index each uniqueness rule keeps its keys in; by default a new one per rule. */
export type KeyIndexFor = (spec: UniqueRuleSpec) => KeyIndex

function compileOne(
  standard: DataStandard,
  spec: QualityRuleSpec,
  context: ValidationContext,
  indexFor: KeyIndexFor,
): CompiledRule {
  switch (spec.kind) {
    case 'required':
      return requiredRule(spec, elementOf(standard, spec.element))
    case 'valid':
      return validRule(spec, elementOf(standard, spec.element), context)
    case 'cross_check':
      return crossCheckRule(spec, context)
    case 'feel':
      return feelRule(spec, standard)
    case 'unique':
      return uniqueRule(spec, indexFor(spec))
    case 'timely':
      return timelyRule(spec, elementOf(standard, spec.element), context)
    case 'reference':
      return referenceRule(spec, elementOf(standard, spec.element))
  }
}

/**
 * Checks and compiles a rule set for one run (uniqueness rules hold state); throws
 * QualityRuleError naming each bad rule and field, with the position of a FEEL syntax error.
 */
export function compileRules(
  standard: DataStandard,
  specs: readonly QualityRuleSpec[],
  context: ValidationContext,
  indexFor: KeyIndexFor = keyIndexFor,
): CompiledRule[] {
  const issues = checkRules(standard, specs)
  if (issues.length > 0) throw new QualityRuleError(issues)
  return specs.map((spec) => compileOne(standard, spec, context, indexFor))
}
