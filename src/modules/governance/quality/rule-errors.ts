import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'
import type { FeelPosition } from '../../../platform/feel/index.js'

/** A problem with a rule or a field mapping, naming the rule and/or the field at fault. */
export interface RuleIssue {
  code: string
  rule: string | null
  field: string | null
  message: LocalizedMessage
  /** Where a FEEL syntax error is, and the source line with a caret under it. */
  position?: FeelPosition
  snippet?: string
}

/** A rule set that cannot run; carries every issue found. */
export class QualityRuleError extends Error {
  readonly zh: string
  readonly en: string

  constructor(readonly issues: readonly RuleIssue[]) {
    const en = issues.map((issue) => issue.message.en).join('; ')
    super(en)
    this.name = 'QualityRuleError'
    this.zh = issues.map((issue) => issue.message.zh).join('；')
    this.en = en
  }
}

export function ruleIssue(
  code: string,
  rule: string | null,
  field: string | null,
  message: LocalizedMessage,
): RuleIssue {
  return { code, rule, field, message }
}

export function unknownElementIssue(rule: string, field: string): RuleIssue {
  return ruleIssue('rule.unknown_element', rule, field, {
    zh: `规则“${rule}”引用了标准中不存在的数据元“${field}”`,
    en: `Rule "${rule}" refers to "${field}", which is not an element of the standard`,
  })
}
