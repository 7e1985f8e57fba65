import type { DataElement, DataStandard } from '../standards/index.js'
import type { QualityRuleSpec } from './rule.types.js'

const hasValidity = (element: DataElement): boolean =>
  element.type !== 'string' ||
  element.format !== undefined ||
  element.codeSet !== undefined ||
  element.maxLength !== undefined

/**
 * The rules a standard implies: `<key>.required` (completeness) per required element,
 * `<key>.valid` (validity: length, type, format, code set) per element with any such check,
 * one consistency rule per cross check (id = the check's id) and `<keys>.unique` per unique key.
 */
export function standardRules(standard: DataStandard): QualityRuleSpec[] {
  const required = standard.elements
    .filter((element) => element.required)
    .map((element): QualityRuleSpec => ({
      kind: 'required',
      id: `${element.key}.required`,
      element: element.key,
    }))
  const valid = standard.elements.filter(hasValidity).map((element): QualityRuleSpec => ({
    kind: 'valid',
    id: `${element.key}.valid`,
    element: element.key,
  }))
  const cross = standard.crossChecks.map(({ check, fields }): QualityRuleSpec => ({
    kind: 'cross_check',
    id: check,
    check,
    fields,
  }))
  const unique = standard.uniqueKeys.map((fields): QualityRuleSpec => ({
    kind: 'unique',
    id: `${fields.join('+')}.unique`,
    fields,
  }))
  return [...required, ...valid, ...cross, ...unique]
}
