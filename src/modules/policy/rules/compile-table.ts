import { compileFeel } from '../../../platform/feel/index.js'
import type { Aggregation, DecisionTable, HitPolicy } from './decision-table.types.js'
import { compileChecked } from './feel-compile.js'
import type { CheckedFeel, NameScope } from './feel-compile.js'
import { at, issue } from './policy-issues.js'
import type { PolicyIssue } from './policy-issues.js'

/** One input entry: `-` (or empty) matches anything without evaluating. */
export type CompiledCell =
  { readonly wildcard: true } | ({ readonly wildcard: false } & CheckedFeel)

export type CompiledRule = {
  readonly index: number
  readonly id: string | undefined
  readonly cells: readonly CompiledCell[]
  /** One per output; null for an empty output entry (DMN: null). */
  readonly outputs: readonly (CheckedFeel | null)[]
}

/** A decision table compiled once; evaluate it with evaluateDecisionTable. */
export type CompiledDecisionTable = {
  readonly table: DecisionTable
  readonly hitPolicy: HitPolicy
  readonly aggregation: Aggregation | undefined
  readonly inputs: readonly CheckedFeel[]
  readonly outputNames: readonly string[]
  /** Per output, the allowed values in priority order (PRIORITY, OUTPUT ORDER); else null. */
  readonly priorities: readonly (readonly unknown[] | null)[]
  readonly rules: readonly CompiledRule[]
  /** True when some input entry reads a variable besides `?`, so cells need the whole context. */
  readonly cellsReadNames: boolean
  /** Scratch state for one evaluation at a time (evaluation is synchronous). */
  readonly scratch: TableScratch
}

export type TableScratch = {
  readonly cellContext: Record<string, unknown>
  readonly values: unknown[]
  readonly known: boolean[]
  readonly states: Uint8Array
}

/**
 * Compiles every input expression, input entry (unary tests) and output entry once, checking
 * the table's shape: one entry per column in every rule, aggregation only on a single-output
 * COLLECT, output values for PRIORITY and OUTPUT ORDER. Issues are reported under `path`.
 */
export function compileDecisionTable(
  table: DecisionTable,
  path: string,
  scope: NameScope,
  issues: PolicyIssue[],
): CompiledDecisionTable | null {
  const before = issues.length
  checkShape(table, path, issues)
  const inputs = table.inputs.map((input, j) =>
    compileChecked(
      input.expression,
      'expression',
      at(at(at(path, 'inputs'), j), 'expression'),
      scope,
      issues,
    ),
  )
  const priorities = table.outputs.map((output, k) =>
    output.values === undefined
      ? null
      : outputValues(output.values, at(at(at(path, 'outputs'), k), 'values'), issues),
  )
  const rules = table.rules.map((rule, i) =>
    compileRule(table, i, at(at(path, 'rules'), i), scope, issues),
  )
  if (issues.length > before) return null
  const compiledRules = rules.filter((rule): rule is CompiledRule => rule !== null)
  return {
    table,
    hitPolicy: table.hitPolicy,
    aggregation: table.aggregation,
    inputs: inputs.filter((input): input is CheckedFeel => input !== null),
    outputNames: table.outputs.map((output) => output.name),
    priorities,
    rules: compiledRules,
    cellsReadNames: compiledRules.some((rule) =>
      rule.cells.some(
        (cell) => !cell.wildcard && (cell.facts.length > 0 || cell.decisions.length > 0),
      ),
    ),
    scratch: {
      cellContext: { '?': null },
      values: new Array<unknown>(table.inputs.length).fill(null),
      known: new Array<boolean>(table.inputs.length).fill(false),
      states: new Uint8Array(table.rules.length),
    },
  }
}

function checkShape(table: DecisionTable, path: string, issues: PolicyIssue[]): void {
  if (table.outputs.length === 0) {
    issues.push(
      issue(
        at(path, 'outputs'),
        'POLICY_TABLE_SHAPE',
        '决策表至少需要一个输出列',
        'A decision table needs at least one output',
      ),
    )
  }
  if (table.aggregation !== undefined && table.hitPolicy !== 'COLLECT') {
    issues.push(
      issue(
        at(path, 'aggregation'),
        'POLICY_TABLE_SHAPE',
        `汇总（${table.aggregation}）只用于 COLLECT 命中策略`,
        `Aggregation ${table.aggregation} applies only to the COLLECT hit policy`,
      ),
    )
  }
  if (table.aggregation !== undefined && table.outputs.length > 1) {
    issues.push(
      issue(
        at(path, 'aggregation'),
        'POLICY_TABLE_SHAPE',
        '有汇总的决策表只能有一个输出列',
        'An aggregated decision table has exactly one output',
      ),
    )
  }
  if (table.hitPolicy === 'PRIORITY' || table.hitPolicy === 'OUTPUT ORDER') {
    table.outputs.forEach((output, k) => {
      if (output.values !== undefined) return
      issues.push(
        issue(
          at(at(path, 'outputs'), k),
          'POLICY_TABLE_SHAPE',
          `${table.hitPolicy} 命中策略要求输出“${output.name}”列出取值（按优先级）`,
          `Hit policy ${table.hitPolicy} needs the values of output '${output.name}' in priority order`,
        ),
      )
    })
  }
  const names = new Set<string>()
  table.outputs.forEach((output, k) => {
    if (names.has(output.name)) {
      issues.push(
        issue(
          at(at(at(path, 'outputs'), k), 'name'),
          'POLICY_NAME_DUPLICATE',
          `输出列名“${output.name}”重复`,
          `Output name '${output.name}' is used twice`,
        ),
      )
    }
    names.add(output.name)
  })
}

function compileRule(
  table: DecisionTable,
  index: number,
  path: string,
  scope: NameScope,
  issues: PolicyIssue[],
): CompiledRule | null {
  const rule = table.rules[index]
  if (rule === undefined) return null
  const before = issues.length
  if (rule.when.length !== table.inputs.length) {
    issues.push(
      issue(
        at(path, 'when'),
        'POLICY_TABLE_SHAPE',
        `规则有 ${rule.when.length} 个输入条目，决策表有 ${table.inputs.length} 个输入列`,
        `The rule has ${rule.when.length} input entries; the table has ${table.inputs.length} inputs`,
      ),
    )
  }
  if (rule.then.length !== table.outputs.length) {
    issues.push(
      issue(
        at(path, 'then'),
        'POLICY_TABLE_SHAPE',
        `规则有 ${rule.then.length} 个输出条目，决策表有 ${table.outputs.length} 个输出列`,
        `The rule has ${rule.then.length} output entries; the table has ${table.outputs.length} outputs`,
      ),
    )
  }
  const cells = rule.when.map((text, j) =>
    compileCell(text, at(at(path, 'when'), j), scope, issues),
  )
  const outputs = rule.then.map((text, k) =>
    text.trim() === ''
      ? null
      : compileChecked(text, 'expression', at(at(path, 'then'), k), scope, issues),
  )
  if (issues.length > before) return null
  return {
    index,
    id: rule.id,
    cells: cells.filter((cell): cell is CompiledCell => cell !== null),
    outputs,
  }
}

function compileCell(
  text: string,
  path: string,
  scope: NameScope,
  issues: PolicyIssue[],
): CompiledCell | null {
  const trimmed = text.trim()
  if (trimmed === '' || trimmed === '-') return { wildcard: true }
  const checked = compileChecked(text, 'unaryTests', path, scope, issues)
  return checked === null ? null : { wildcard: false, ...checked }
}

/** `"high","medium","low"`: checked as unary tests (for positions), then read as a list. */
function outputValues(text: string, path: string, issues: PolicyIssue[]): unknown[] | null {
  const none: NameScope = { facts: new Set(), decisions: new Set(), builtins: new Set() }
  if (compileChecked(text, 'unaryTests', path, none, issues) === null) return null
  const list = compileFeel(`[${text}]`, 'expression')
  const value = list.ok ? list.compiled.evaluate({}) : null
  if (value?.ok === true && Array.isArray(value.value)) return value.value as unknown[]
  issues.push(
    issue(
      path,
      'POLICY_FIELD_INVALID',
      '输出取值应为以逗号分隔的字面量',
      'Output values must be comma-separated literals',
    ),
  )
  return null
}
