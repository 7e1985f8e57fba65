import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'
import { isKnownCodeSet } from './code-set-validator.js'
import { isKnownFormat } from './element-validator.js'
import type { StandardIssue } from './standard-errors.js'
import type { CrossCheckId, DataElement, DataStandard } from './standard.types.js'

const KEY_PATTERN = /^[a-z][A-Za-z0-9_]*$/
const CROSS_CHECKS: readonly CrossCheckId[] = [
  'id_birth_date_match',
  'id_sex_match',
  'address_division_match',
]

const issue = (code: string, element: string | null, message: LocalizedMessage): StandardIssue => ({
  code,
  element,
  message,
})

function elementIssues(element: DataElement): StandardIssue[] {
  const { key, format, codeSet, maxLength } = element
  const issues: StandardIssue[] = []
  if (!KEY_PATTERN.test(key)) {
    issues.push(
      issue('element.bad_key', key, {
        zh: `数据元“${key}”的键应为 snake_case 或 camelCase`,
        en: `Element "${key}": the key must be snake_case or camelCase`,
      }),
    )
  }
  if (format !== undefined && !isKnownFormat(format)) {
    issues.push(
      issue('element.unknown_format', key, {
        zh: `数据元“${key}”的格式“${String(format)}”不存在`,
        en: `Element "${key}": unknown format "${String(format)}"`,
      }),
    )
  }
  if (codeSet !== undefined && !isKnownCodeSet(codeSet)) {
    issues.push(
      issue('element.unknown_code_set', key, {
        zh: `数据元“${key}”引用的代码集“${codeSet}”不存在`,
        en: `Element "${key}": unknown code set "${codeSet}"`,
      }),
    )
  }
  if (element.type === 'code' && codeSet === undefined) {
    issues.push(
      issue('element.code_without_set', key, {
        zh: `数据元“${key}”是代码类型，须指定代码集`,
        en: `Element "${key}" is a code and needs a code set`,
      }),
    )
  }
  if (maxLength !== undefined && !(Number.isInteger(maxLength) && maxLength > 0)) {
    issues.push(
      issue('element.bad_max_length', key, {
        zh: `数据元“${key}”的最大长度应为正整数`,
        en: `Element "${key}": maxLength must be a positive integer`,
      }),
    )
  }
  return issues
}

function unknownField(where: string, field: string): StandardIssue {
  return issue(`${where}.unknown_field`, field, {
    zh: `${where} 引用了不存在的数据元“${field}”`,
    en: `${where} refers to unknown element "${field}"`,
  })
}

function duplicateKeys(elements: readonly DataElement[]): StandardIssue[] {
  const seen = new Set<string>()
  const issues: StandardIssue[] = []
  for (const { key } of elements) {
    if (seen.has(key)) {
      issues.push(
        issue('element.duplicate_key', key, {
          zh: `数据元“${key}”重复定义`,
          en: `Element "${key}" is defined twice`,
        }),
      )
    }
    seen.add(key)
  }
  return issues
}

function referenceIssues(standard: DataStandard, keys: ReadonlySet<string>): StandardIssue[] {
  const issues: StandardIssue[] = []
  for (const { check, fields } of standard.crossChecks) {
    if (!CROSS_CHECKS.includes(check)) {
      issues.push(
        issue('cross_check.unknown_check', null, {
          zh: `未知的跨数据元校验“${String(check)}”`,
          en: `Unknown cross-element check "${String(check)}"`,
        }),
      )
    }
    for (const field of fields) if (!keys.has(field)) issues.push(unknownField(check, field))
  }
  for (const key of standard.uniqueKeys) {
    for (const field of key) if (!keys.has(field)) issues.push(unknownField('unique_key', field))
  }
  return issues
}

/** Every problem in a standard's definition; empty when it can be used. */
export function checkStandard(standard: DataStandard): StandardIssue[] {
  const keys = new Set(standard.elements.map((element) => element.key))
  return [
    ...duplicateKeys(standard.elements),
    ...standard.elements.flatMap(elementIssues),
    ...referenceIssues(standard, keys),
  ]
}
