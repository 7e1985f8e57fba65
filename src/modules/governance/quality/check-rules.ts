import { parseFeelExpression } from '../../../platform/feel/index.js'
import { findElement, normaliseDate } from '../standards/index.js'
import type { DataStandard } from '../standards/index.js'
import { QUALITY_DIMENSIONS } from './rule.types.js'
import type { FeelRuleSpec, QualityRuleSpec, TimelyRuleSpec, UniqueRuleSpec } from './rule.types.js'
import { ruleIssue, unknownElementIssue } from './rule-errors.js'
import type { RuleIssue } from './rule-errors.js'

/** The id of the rule every run adds: each input row could be read. */
export const READABLE_RULE_ID = 'row.readable'

const CROSS_CHECKS = ['id_birth_date_match', 'id_sex_match', 'address_division_match']

/** Element keys a spec reads (and its scope element), for the unknown-element check. */
function referencedFields(spec: QualityRuleSpec): readonly string[] {
  switch (spec.kind) {
    case 'required':
    case 'valid':
    case 'timely':
    case 'reference':
      return [spec.element]
    case 'cross_check':
      return [...spec.fields, ...(spec.element === undefined ? [] : [spec.element])]
    case 'feel':
    case 'unique':
      return [...(spec.fields ?? []), ...(spec.element === undefined ? [] : [spec.element])]
  }
}

function feelIssues(spec: FeelRuleSpec): RuleIssue[] {
  const issues: RuleIssue[] = []
  if (!QUALITY_DIMENSIONS.includes(spec.dimension)) {
    issues.push(
      ruleIssue('rule.unknown_dimension', spec.id, null, {
        zh: `规则“${spec.id}”的质量维度“${String(spec.dimension)}”不存在`,
        en: `Rule "${spec.id}": unknown dimension "${String(spec.dimension)}"`,
      }),
    )
  }
  const parsed = parseFeelExpression(spec.expression)
  if (!parsed.ok) {
    const { position, snippet, message } = parsed.error
    const at = {
      zh: `第 ${position.line} 行第 ${position.column} 列`,
      en: `line ${position.line}, column ${position.column}`,
    }
    const issue = ruleIssue('rule.feel_syntax', spec.id, null, {
      zh: `规则“${spec.id}”的 FEEL 表达式有语法错误（${at.zh}）：${message.zh}`,
      en: `Rule "${spec.id}": FEEL syntax error at ${at.en}: ${message.en}`,
    })
    issues.push({ ...issue, position, snippet })
  }
  return issues
}

const isCount = (n: number | undefined): boolean =>
  n === undefined || (Number.isInteger(n) && n >= 0)

function uniqueIssues(spec: UniqueRuleSpec): RuleIssue[] {
  const issues: RuleIssue[] = []
  if (spec.fields.length === 0) {
    issues.push(
      ruleIssue('rule.no_fields', spec.id, null, {
        zh: `唯一性规则“${spec.id}”须至少指定一个数据元`,
        en: `Uniqueness rule "${spec.id}" needs at least one field`,
      }),
    )
  }
  if (!isCount(spec.exactLimit) || !isCount(spec.hashLimit)) {
    issues.push(
      ruleIssue('rule.bad_limit', spec.id, null, {
        zh: `唯一性规则“${spec.id}”的上限应为非负整数`,
        en: `Uniqueness rule "${spec.id}": limits must be non-negative integers`,
      }),
    )
  }
  return issues
}

function timelyIssues(standard: DataStandard, spec: TimelyRuleSpec): RuleIssue[] {
  const element = findElement(standard, spec.element)
  const issues: RuleIssue[] = []
  if (element && element.type !== 'date' && element.format !== 'date') {
    issues.push(
      ruleIssue('rule.not_a_date', spec.id, spec.element, {
        zh: `及时性规则“${spec.id}”的数据元“${spec.element}”不是日期`,
        en: `Timeliness rule "${spec.id}": element "${spec.element}" is not a date`,
      }),
    )
  }
  const badReference =
    spec.referenceDate !== undefined && normaliseDate(spec.referenceDate) === undefined
  if (!isCount(spec.maxAgeDays) || badReference) {
    issues.push(
      ruleIssue('rule.bad_timeliness', spec.id, spec.element, {
        zh: `及时性规则“${spec.id}”的天数应为非负整数，参考日期应为 YYYY-MM-DD`,
        en: `Timeliness rule "${spec.id}": maxAgeDays is a non-negative integer and referenceDate YYYY-MM-DD`,
      }),
    )
  }
  return issues
}

function kindIssues(standard: DataStandard, spec: QualityRuleSpec): RuleIssue[] {
  switch (spec.kind) {
    case 'feel':
      return feelIssues(spec)
    case 'unique':
      return uniqueIssues(spec)
    case 'timely':
      return timelyIssues(standard, spec)
    case 'cross_check':
      if (CROSS_CHECKS.includes(spec.check)) return []
      return [
        ruleIssue('rule.unknown_check', spec.id, null, {
          zh: `规则“${spec.id}”的内置校验“${String(spec.check)}”不存在`,
          en: `Rule "${spec.id}": unknown built-in check "${String(spec.check)}"`,
        }),
      ]
    case 'required':
    case 'valid':
    case 'reference':
      return []
  }
}

function idIssue(id: string, seen: ReadonlySet<string>): RuleIssue | null {
  if (id.trim() === '' || id === READABLE_RULE_ID) {
    return ruleIssue('rule.bad_id', id, null, {
      zh: `规则标识“${id}”为空或为保留标识`,
      en: `Rule id "${id}" is empty or reserved`,
    })
  }
  if (!seen.has(id)) return null
  return ruleIssue('rule.duplicate_id', id, null, {
    zh: `规则标识“${id}”重复`,
    en: `Two rules share the id "${id}"`,
  })
}

/** Every problem in a rule set against a standard; empty when it can run. */
export function checkRules(standard: DataStandard, specs: readonly QualityRuleSpec[]): RuleIssue[] {
  const keys = new Set(standard.elements.map((element) => element.key))
  const seen = new Set<string>()
  const issues: RuleIssue[] = []
  for (const spec of specs) {
    const bad = idIssue(spec.id, seen)
    if (bad) issues.push(bad)
    seen.add(spec.id)
    for (const field of referencedFields(spec)) {
      if (!keys.has(field)) issues.push(unknownElementIssue(spec.id, field))
    }
    issues.push(...kindIssues(standard, spec))
  }
  return issues
}
