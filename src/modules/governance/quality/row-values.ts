import { createCodeMapper, findCodeSet, validateMapping } from '../code-mapping/index.js'
import type { CodeMapper, CodeMapping } from '../code-mapping/index.js'
import type { CellText } from '../input/index.js'
import { findElement } from '../standards/index.js'
import type { DataStandard } from '../standards/index.js'
import { ruleIssue } from './rule-errors.js'
import type { RuleIssue } from './rule-errors.js'
import type { RowView } from './rule.types.js'

export type RowValues = Record<string, string | null>

/** How rows name the elements: columns (element key → column name) and local code mappings. */
export interface RowShape {
  columns?: Readonly<Record<string, string>>
  codeMappings?: Readonly<Record<string, CodeMapping>>
}

function mappingIssues(standard: DataStandard, key: string, mapping: CodeMapping): RuleIssue[] {
  const codeSetId = findElement(standard, key)?.codeSet
  const codeSet = codeSetId === undefined ? undefined : findCodeSet(codeSetId)
  if (codeSet === undefined) {
    return [
      ruleIssue('mapping.no_code_set', null, key, {
        zh: `数据元“${key}”没有可映射的国家代码集`,
        en: `Element "${key}" has no national code set to map onto`,
      }),
    ]
  }
  const validation = validateMapping(mapping, codeSet)
  if (validation.ok) return []
  return validation.issues.map((issue) =>
    ruleIssue(`mapping.${issue.kind}`, null, key, {
      zh: `数据元“${key}”的代码映射：${issue.message.zh}`,
      en: `Code mapping of element "${key}": ${issue.message.en}`,
    }),
  )
}

const SHAPE_PARTS = {
  columns: { zh: '列映射', en: 'column map' },
  mappings: { zh: '代码映射', en: 'code mappings' },
}

function unknownElement(part: keyof typeof SHAPE_PARTS, key: string): RuleIssue {
  const { zh, en } = SHAPE_PARTS[part]
  return ruleIssue(`${part}.unknown_element`, null, key, {
    zh: `${zh}引用了标准中不存在的数据元“${key}”`,
    en: `The ${en} name "${key}", which is not an element of the standard`,
  })
}

/** Problems with the columns and code mappings, each naming the element. */
export function checkRowShape(standard: DataStandard, shape: RowShape): RuleIssue[] {
  const known = (key: string): boolean => findElement(standard, key) !== undefined
  const issues = Object.keys(shape.columns ?? {})
    .filter((key) => !known(key))
    .map((key) => unknownElement('columns', key))
  for (const [key, mapping] of Object.entries(shape.codeMappings ?? {})) {
    if (known(key)) issues.push(...mappingIssues(standard, key, mapping))
    else issues.push(unknownElement('mappings', key))
  }
  return issues
}

interface Field {
  key: string
  column: string
  mapper: CodeMapper | undefined
}

function readValue(field: Field, record: Readonly<Record<string, CellText>>): string | null {
  const raw = record[field.column]
  if (raw === null || raw === undefined) return null
  const text = raw.trim()
  return text === '' ? null : mapped(field, text)
}

function fieldsOf(standard: DataStandard, shape: RowShape): Field[] {
  return standard.elements.map(({ key, codeSet }) => {
    const mapping = shape.codeMappings?.[key]
    const set = codeSet === undefined ? undefined : findCodeSet(codeSet)
    const mapper = mapping && set ? createCodeMapper(mapping, set) : undefined
    return { key, column: shape.columns?.[key] ?? key, mapper }
  })
}

/** A reader of element values from records; call checkRowShape first (mappers throw). */
export function createValueReader(
  standard: DataStandard,
  shape: RowShape,
): (record: Readonly<Record<string, CellText>>) => RowValues {
  const fields = fieldsOf(standard, shape)
  return (record) => {
    const values: RowValues = {}
    for (const field of fields) values[field.key] = readValue(field, record)
    return values
  }
}

/**
 * The same values read straight from a CSV record's fields under the header's `columns` (no
 * record object in between): trimmed, empty → null, mapped.
 */
export function createFieldReader(
  standard: DataStandard,
  shape: RowShape,
  columns: readonly string[],
): (texts: readonly string[]) => RowValues {
  const fields = fieldsOf(standard, shape).map((field) => ({
    ...field,
    at: columns.indexOf(field.column),
  }))
  return (texts) => {
    const values: RowValues = {}
    for (const field of fields) {
      const text = field.at === -1 ? '' : (texts[field.at] ?? '').trim()
      values[field.key] = text === '' ? null : mapped(field, text)
    }
    return values
  }
}

function mapped(field: Field, text: string): string {
  if (field.mapper === undefined) return text
  const result = field.mapper.map(text)
  // An unmapped value is kept as written, so its validity check names it.
  return result.status === 'mapped' ? result.code : text
}

/** Numbers for integer and decimal elements that parse, text otherwise. */
function feelContextOf(standard: DataStandard, values: RowValues): Record<string, unknown> {
  const context: Record<string, unknown> = {}
  for (const { key, type } of standard.elements) {
    const value = values[key] ?? null
    const numeric = (type === 'integer' || type === 'decimal') && value !== null
    context[key] = numeric && /^[+-]?\d+(\.\d+)?$/.test(value) ? Number(value) : value
  }
  return context
}

/** The one view a run shows its rules, set to each row in turn (rules keep no row). */
export function createRowView(standard: DataStandard) {
  let context: Record<string, unknown> | undefined
  const view = {
    line: 0,
    values: {} as RowValues,
    feelContext: () => (context ??= feelContextOf(standard, view.values)),
  }
  return {
    view: view as RowView,
    show(line: number, values: RowValues): RowView {
      view.line = line
      view.values = values
      context = undefined
      return view
    },
  }
}
