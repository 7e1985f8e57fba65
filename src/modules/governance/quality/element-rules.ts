import { elementValidator } from '../standards/index.js'
import type { DataElement, ValidationContext } from '../standards/index.js'
import type { CompiledRule, RequiredRuleSpec, RuleFailure, ValidRuleSpec } from './rule.types.js'

/** The failure of every completeness rule for a row that could not be read at all. */
export const UNREADABLE_FAILURE: RuleFailure = {
  reason: 'input.unreadable',
  message: { zh: '该行无法读取，视为缺失', en: 'The row could not be read and counts as missing' },
}

/** Completeness: the element has a value. */
export function requiredRule(spec: RequiredRuleSpec, element: DataElement): CompiledRule {
  const missing: RuleFailure = {
    reason: 'completeness.missing',
    message: { zh: `缺少${element.name.zh}`, en: `${element.name.en} is missing` },
  }
  const key = element.key
  return {
    id: spec.id,
    kind: 'required',
    name: spec.name ?? { zh: `${element.name.zh}非空`, en: `${element.name.en} is present` },
    dimension: 'completeness',
    element: key,
    fields: [key],
    check: (row) => (row.values[key] === null ? missing : 'pass'),
  }
}

/** Validity: a present value passes the element's checks; an empty one is not checked. */
export function validRule(
  spec: ValidRuleSpec,
  element: DataElement,
  context: ValidationContext,
): CompiledRule {
  const validate = elementValidator(element)
  const key = element.key
  return {
    id: spec.id,
    kind: 'valid',
    name: spec.name ?? { zh: `${element.name.zh}符合标准`, en: `${element.name.en} is valid` },
    dimension: 'validity',
    element: key,
    fields: [key],
    check(row) {
      const value = row.values[key] ?? null
      if (value === null) return 'skip'
      const result = validate(value, context)
      return result.ok ? 'pass' : { reason: result.reason, message: result.message }
    },
  }
}
