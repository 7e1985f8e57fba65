import { AGGREGATIONS, HIT_POLICIES } from './decision-table.types.js'
import type { DecisionTable, TableInput, TableOutput, TableRule } from './decision-table.types.js'
import type { DmnDecision } from './dmn-xml.js'
import { isPlainName } from './feel-names.js'
import { at, issue } from './policy-issues.js'
import type { DecisionSpec } from './policy.types.js'
import type { Fields, Reader } from './read-helpers.js'

/** DMN files a policy refers to, already parsed, by the file name the policy uses. */
export type DmnLibrary = ReadonlyMap<string, readonly DmnDecision[]>

const PLAIN_NAME = {
  zh: '单个 FEEL 名称（字母开头，不含空格，非关键字）',
  en: 'one FEEL name (a letter first, no spaces, not a keyword)',
}

/** `{ name, description?, table: {…} }` inline, or `{ name, description?, dmn: { file, decision } }`. */
export function readDecision(
  reader: Reader,
  value: unknown,
  path: string,
  dmn: DmnLibrary,
): DecisionSpec | null {
  const fields = reader.object(value, path, ['name', 'description', 'table', 'dmn'])
  if (fields === null) return null
  const name = reader.matching(fields, 'name', path, isPlainName, PLAIN_NAME)
  const description = reader.text(fields, 'description', path, false)
  const hasTable = fields['table'] !== undefined
  const hasDmn = fields['dmn'] !== undefined
  if (hasTable === hasDmn) {
    reader.issues.push(
      issue(
        path,
        hasTable ? 'POLICY_FIELD_INVALID' : 'POLICY_FIELD_REQUIRED',
        '决策须给出 table（内联决策表）或 dmn（DMN 文件中的决策）之一',
        "A decision needs exactly one of 'table' (inline) or 'dmn' (a decision in a DMN file)",
      ),
    )
    return null
  }
  const resolved = hasTable
    ? {
        table: readInlineTable(reader, fields['table'], at(path, 'table')),
        source: { kind: 'inline' as const },
      }
    : readDmnReference(reader, fields['dmn'], at(path, 'dmn'), dmn)
  if (name === undefined || resolved === null || resolved.table === null) return null
  return {
    name,
    ...(description === undefined ? {} : { description }),
    table: resolved.table,
    source: resolved.source,
  }
}

function readDmnReference(reader: Reader, value: unknown, path: string, dmn: DmnLibrary) {
  const fields = reader.object(value, path, ['file', 'decision'])
  if (fields === null) return null
  const file = reader.string(fields, 'file', path)
  const decision = reader.string(fields, 'decision', path)
  if (file === undefined || decision === undefined) return null
  const decisions = dmn.get(file)
  if (decisions === undefined) {
    reader.issues.push(
      issue(
        at(path, 'file'),
        'POLICY_DMN_NOT_FOUND',
        `找不到 DMN 文件“${file}”`,
        `DMN file '${file}' was not provided`,
      ),
    )
    return null
  }
  const found = decisions.find((candidate) => candidate.id === decision)
  if (found === undefined) {
    const ids = decisions.map((candidate) => candidate.id).join(', ')
    reader.issues.push(
      issue(
        at(path, 'decision'),
        'POLICY_DMN_NOT_FOUND',
        `DMN 文件“${file}”中没有决策“${decision}”（有：${ids}）`,
        `DMN file '${file}' has no decision table '${decision}' (it has: ${ids})`,
      ),
    )
    return null
  }
  return { table: found.table, source: { kind: 'dmn' as const, file, decision } }
}

/** An inline table: hitPolicy, aggregation, inputs [{expression}], outputs [{name, values}], rules [{when, then}]. */
export function readInlineTable(
  reader: Reader,
  value: unknown,
  path: string,
): DecisionTable | null {
  const fields = reader.object(value, path, [
    'hitPolicy',
    'aggregation',
    'inputs',
    'outputs',
    'rules',
  ])
  if (fields === null) return null
  const before = reader.issues.length
  const hitPolicy = reader.oneOf(fields, 'hitPolicy', path, HIT_POLICIES)
  const aggregation = reader.oneOf(fields, 'aggregation', path, AGGREGATIONS, false)
  const inputs = reader
    .array(fields, 'inputs', path)
    .map((input, j) => readInput(reader, input, at(at(path, 'inputs'), j)))
  const outputs = reader
    .array(fields, 'outputs', path)
    .map((output, k) => readOutput(reader, output, at(at(path, 'outputs'), k)))
  const rules = reader
    .array(fields, 'rules', path)
    .map((rule, i) => readRule(reader, rule, at(at(path, 'rules'), i)))
  if (reader.issues.length > before || hitPolicy === undefined) return null
  return {
    hitPolicy,
    ...(aggregation === undefined ? {} : { aggregation }),
    inputs: inputs.filter((input): input is TableInput => input !== null),
    outputs: outputs.filter((output): output is TableOutput => output !== null),
    rules: rules.filter((rule): rule is TableRule => rule !== null),
  }
}

function readInput(reader: Reader, value: unknown, path: string): TableInput | null {
  const fields = reader.object(value, path, ['expression', 'label'])
  if (fields === null) return null
  const expression = reader.string(fields, 'expression', path)
  const label = reader.string(fields, 'label', path, false)
  return expression === undefined ? null : { expression, ...(label === undefined ? {} : { label }) }
}

function readOutput(reader: Reader, value: unknown, path: string): TableOutput | null {
  const fields = reader.object(value, path, ['name', 'label', 'values'])
  if (fields === null) return null
  const name = reader.matching(fields, 'name', path, isPlainName, PLAIN_NAME)
  const label = reader.string(fields, 'label', path, false)
  const values = reader.string(fields, 'values', path, false)
  if (name === undefined) return null
  return {
    name,
    ...(label === undefined ? {} : { label }),
    ...(values === undefined ? {} : { values }),
  }
}

function readRule(reader: Reader, value: unknown, path: string): TableRule | null {
  const fields = reader.object(value, path, ['id', 'when', 'then', 'description'])
  if (fields === null) return null
  const id = reader.string(fields, 'id', path, false)
  const description = reader.string(fields, 'description', path, false)
  const when = entries(reader, fields, 'when', path)
  const then = entries(reader, fields, 'then', path)
  if (when === null || then === null) return null
  return {
    ...(id === undefined ? {} : { id }),
    when,
    then,
    ...(description === undefined ? {} : { description }),
  }
}

/** Entries are FEEL text; YAML numbers and booleans are taken as their FEEL literals. */
function entries(reader: Reader, fields: Fields, key: string, path: string): string[] | null {
  const list = reader.array(fields, key, path)
  const texts = list.map((entry) =>
    typeof entry === 'string' || typeof entry === 'number' || typeof entry === 'boolean'
      ? String(entry)
      : null,
  )
  const bad = texts.findIndex((text) => text === null)
  if (bad === -1) return texts as string[]
  reader.invalid(at(at(path, key), bad), '应为 FEEL 文本', 'must be FEEL text')
  return null
}
