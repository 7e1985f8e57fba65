import { Decimal } from 'decimal.js'
import type { CompiledDecisionTable, CompiledRule } from './compile-table.js'
import { run } from './feel-compile.js'
import { addNeed, readsUnknown } from './knowledge.js'
import type { Undecided } from './knowledge.js'
import type { LocalizedText } from './policy.types.js'

export const NO_MATCH = 0
export const MATCH = 1
export const UNKNOWN = 2

/**
 * A table's result: decided (value: one output's value, a context for several outputs, a list
 * for COLLECT / RULE ORDER / OUTPUT ORDER, a number for an aggregation, null when nothing
 * matched), unknown (facts missing, named in `need`) or an error (a hit policy violated).
 * `matched` lists the indices of the rules that matched, in rule order.
 */
export type TableResult =
  | { status: 'decided'; value: unknown; matched: readonly number[] }
  | { status: 'unknown'; need: readonly string[]; matched: readonly number[] }
  | {
      status: 'error'
      message: LocalizedText
      rules: readonly number[]
      matched: readonly number[]
    }

type Output = { known: true; value: unknown } | { known: false }
type NeedOf = (need: string[]) => void

const UNKNOWN_OUTPUT: Output = { known: false }

/** Applies the table's hit policy to the rule states left in its scratch by the evaluation. */
export function applyHitPolicy(
  table: CompiledDecisionTable,
  context: Record<string, unknown>,
  undecided: Undecided,
  inputNeed: NeedOf,
): TableResult {
  const matched: number[] = []
  const open: number[] = []
  table.rules.forEach((rule) => {
    const state = table.scratch.states[rule.index]
    if (state === MATCH) matched.push(rule.index)
    else if (state === UNKNOWN) open.push(rule.index)
  })
  const cx: HitContext = { table, context, undecided, matched, open, inputNeed }
  switch (table.hitPolicy) {
    case 'FIRST':
      return first(cx)
    case 'UNIQUE':
      return unique(cx)
    case 'ANY':
      return any(cx)
    case 'PRIORITY':
      return priority(cx)
    case 'COLLECT':
    case 'RULE ORDER':
    case 'OUTPUT ORDER':
      return multiple(cx)
  }
}

type HitContext = {
  readonly table: CompiledDecisionTable
  readonly context: Record<string, unknown>
  readonly undecided: Undecided
  readonly matched: readonly number[]
  readonly open: readonly number[]
  readonly inputNeed: NeedOf
}

function first(cx: HitContext): TableResult {
  const firstMatch = cx.matched[0] ?? Infinity
  const firstOpen = cx.open[0] ?? Infinity
  if (firstOpen < firstMatch) return unknown(cx)
  if (firstMatch === Infinity) return decided(cx, null)
  return single(cx, firstMatch)
}

function unique(cx: HitContext): TableResult {
  const [a, b] = cx.matched
  if (a !== undefined && b !== undefined) {
    return violation(cx, [a, b], {
      zh: `违反 UNIQUE 命中策略：规则 /rules/${a} 与 /rules/${b} 同时命中`,
      en: `UNIQUE hit policy violated: rules /rules/${a} and /rules/${b} both match`,
    })
  }
  if (a !== undefined) return single(cx, a)
  return cx.open.length > 0 ? unknown(cx) : decided(cx, null)
}

function any(cx: HitContext): TableResult {
  if (cx.matched.length === 0) return cx.open.length > 0 ? unknown(cx) : decided(cx, null)
  const outputs = cx.matched.map((index) => outputOf(cx, index))
  const [head] = outputs
  if (head === undefined || !head.known) return unknown(cx, cx.matched)
  const differing = outputs.findIndex(
    (output) => output.known && !sameValue(output.value, head.value),
  )
  if (differing !== -1) {
    const rules = [cx.matched[0] ?? 0, cx.matched[differing] ?? 0]
    return violation(cx, rules, {
      zh: `违反 ANY 命中策略：规则 /rules/${rules[0]} 与 /rules/${rules[1]} 同时命中但输出不同`,
      en: `ANY hit policy violated: rules /rules/${rules[0]} and /rules/${rules[1]} match with different outputs`,
    })
  }
  const openDiffers = cx.open.some((index) => {
    const output = outputOf(cx, index)
    return !output.known || !sameValue(output.value, head.value)
  })
  return openDiffers ? unknown(cx) : decided(cx, head.value)
}

function priority(cx: HitContext): TableResult {
  const candidates = [...cx.matched, ...cx.open].sort((a, b) => a - b)
  if (candidates.length === 0) return decided(cx, null)
  const outputs = new Map(candidates.map((index) => [index, outputOf(cx, index)]))
  if ([...outputs.values()].some((output) => !output.known)) return unknown(cx)
  const best = candidates.reduce((top, index) =>
    compareByPriority(cx.table, value(outputs.get(index)), value(outputs.get(top))) < 0
      ? index
      : top,
  )
  return cx.matched.includes(best) ? decided(cx, value(outputs.get(best))) : unknown(cx)
}

function multiple(cx: HitContext): TableResult {
  if (cx.open.length > 0) return unknown(cx)
  const outputs = cx.matched.map((index) => outputOf(cx, index))
  if (outputs.some((output) => !output.known)) return unknown(cx, cx.matched)
  const values = outputs.map(value)
  if (cx.table.hitPolicy === 'OUTPUT ORDER') {
    values.sort((a, b) => compareByPriority(cx.table, a, b))
  }
  if (cx.table.hitPolicy !== 'COLLECT' || cx.table.aggregation === undefined) {
    return decided(cx, values)
  }
  return aggregate(cx, values)
}

function aggregate(cx: HitContext, values: unknown[]): TableResult {
  const aggregation = cx.table.aggregation
  if (aggregation === 'COUNT') return decided(cx, values.length)
  if (values.length === 0) return decided(cx, null)
  const numbers = values.filter((v): v is number => typeof v === 'number')
  if (numbers.length !== values.length) {
    return violation(cx, [...cx.matched], {
      zh: `${aggregation ?? ''} 汇总要求输出为数字`,
      en: `Aggregation ${aggregation ?? ''} needs numeric outputs`,
    })
  }
  if (aggregation === 'SUM') {
    return decided(cx, numbers.reduce((sum, n) => sum.plus(n), new Decimal(0)).toNumber())
  }
  return decided(cx, aggregation === 'MIN' ? Math.min(...numbers) : Math.max(...numbers))
}

function single(cx: HitContext, index: number): TableResult {
  const output = outputOf(cx, index)
  return output.known ? decided(cx, output.value) : unknown(cx, [index])
}

function decided(cx: HitContext, result: unknown): TableResult {
  return { status: 'decided', value: result, matched: cx.matched }
}

function violation(cx: HitContext, rules: readonly number[], message: LocalizedText): TableResult {
  return { status: 'error', message, rules, matched: cx.matched }
}

/** Unknown: the facts behind undecided rules' inputs, and those of outputs that could not be read. */
function unknown(cx: HitContext, outputRules: readonly number[] = cx.open): TableResult {
  const need: string[] = []
  cx.inputNeed(need)
  for (const index of outputRules) {
    for (const output of cx.table.rules[index]?.outputs ?? []) {
      if (output !== null) addNeed(output, cx.context, cx.undecided, need)
    }
  }
  return { status: 'unknown', need, matched: cx.matched }
}

function outputOf(cx: HitContext, index: number): Output {
  const rule = cx.table.rules[index]
  if (rule === undefined) return UNKNOWN_OUTPUT
  if (cx.table.outputNames.length === 1) return entry(rule, 0, cx)
  const result: Record<string, unknown> = {}
  for (let k = 0; k < cx.table.outputNames.length; k++) {
    const output = entry(rule, k, cx)
    if (!output.known) return output
    result[cx.table.outputNames[k] ?? ''] = output.value
  }
  return { known: true, value: result }
}

function entry(rule: CompiledRule, k: number, cx: HitContext): Output {
  const expression = rule.outputs[k]
  if (expression === null || expression === undefined) return { known: true, value: null }
  if (readsUnknown(expression, cx.context, cx.undecided)) return UNKNOWN_OUTPUT
  const result = run(expression.compiled, cx.context)
  return { known: true, value: result.ok ? result.value : null }
}

function value(output: Output | undefined): unknown {
  return output?.known === true ? output.value : null
}

/** Negative when `a` comes first in the outputs' value lists (earlier = higher priority). */
function compareByPriority(table: CompiledDecisionTable, a: unknown, b: unknown): number {
  const single = table.outputNames.length === 1
  for (let k = 0; k < table.outputNames.length; k++) {
    const order = table.priorities[k]
    if (order === null || order === undefined) continue
    const name = table.outputNames[k] ?? ''
    const left = rank(order, single ? a : field(a, name))
    const right = rank(order, single ? b : field(b, name))
    if (left !== right) return left - right
  }
  return 0
}

function rank(order: readonly unknown[], value: unknown): number {
  const index = order.findIndex((candidate) => sameValue(candidate, value))
  return index === -1 ? order.length : index
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[name]
    : null
}

/** Output equality for ANY and priorities: literal outputs compare by value (JSON for contexts). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  return JSON.stringify(a) === JSON.stringify(b)
}
