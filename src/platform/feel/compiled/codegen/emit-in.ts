import { FeelDate } from 'feelin'
import { dateDay } from '../iso-date.js'
import { operands } from '../syntax-tree.js'
import type { SyntaxNode } from '../syntax-tree.js'
import { dispatch, materialise, NotGenerated, numberLiteral } from './emitter.js'
import type { Emitter, RuntimeType, Value } from './emitter.js'
import { emitNode } from './emit-node.js'

type RangeType = 'number' | 'string' | 'date'
type Bound = { readonly type: RangeType; readonly key: number | string; readonly code: string }

/** A constant range, bounds ordered as rangeIncludes orders them; null for an open end. */
export type RangeSpec = {
  readonly type: RangeType
  readonly low: Bound | null
  readonly high: Bound | null
  readonly lowIncluded: boolean
  readonly highIncluded: boolean
}

/** One positive unary test of `x in …`, all with constant operands. */
type Test =
  | { kind: 'equal'; type: 'number' | 'string'; code: string }
  | { kind: 'predicate'; negated: boolean; type: 'number' | 'string'; code: string }
  | { kind: 'range'; range: RangeSpec }

type Outcome = 'true' | 'false' | 'null' | 'defer' | { setup: string; code: string }

/**
 * feelIn over literal tests: the first test that holds wins; a range or `= c` / `!= c` test that
 * cannot decide makes the result null; a value test of another type counts as false.
 */
export function emitIn(e: Emitter, left: Value, testsNode: SyntaxNode | undefined): Value {
  const tests = parseTests(e, testsNode, 'in')
  return { code: emitTests(e, materialise(e, left), tests, 'in'), kind: 'bool3' }
}

/**
 * A unary-tests source (a decision table cell): the input `?` matches when a test gives true
 * (null counts as no match); `not(…)` negates. The input is context['?'], null when absent.
 */
export function emitUnaryTests(e: Emitter, root: SyntaxNode): Value {
  const parts = operands(root)
  const negated = parts[0]?.name === 'not'
  const [testsNode, ...more] = negated ? parts.slice(1) : parts
  if (root.name !== 'UnaryTests' || testsNode === undefined || more.length > 0) {
    throw new NotGenerated('unary tests')
  }
  const input = e.temp()
  e.line(`let ${input} = ctx["?"]; if (${input} === undefined) ${input} = null;`)
  const t = emitTests(e, { code: input, kind: 'any' }, parseTests(e, testsNode, 'match'), 'match')
  if (negated) e.line(`${t} = !${t};`)
  return { code: t, kind: 'boolean' }
}

/** `in`: feelIn's three-valued answer; `match`: a unary test's, where only true matches. */
type Mode = 'in' | 'match'

function emitTests(e: Emitter, value: Value, tests: Test[], mode: Mode): string {
  const t = e.temp()
  e.line(`let ${t};`)
  const types: RuntimeType[] = ['number', 'string', 'boolean', 'null']
  if (tests.some((test) => test.kind === 'range' && test.range.type === 'date')) types.push('date')
  const branches: Partial<Record<RuntimeType, string>> = {}
  for (const type of types) branches[type] = branch(e, t, type, tests, value.code, mode)
  dispatch(e, value, branches)
  return t
}

function branch(
  e: Emitter,
  t: string,
  type: RuntimeType,
  tests: Test[],
  v: string,
  mode: Mode,
): string {
  const out: string[] = []
  let open = 0
  let unknown = false
  const close = (): string => [...out, '}'.repeat(open)].join(' ')
  for (const test of tests) {
    const found = outcomeOf(e, test, type, v)
    const outcome = mode === 'match' && found === 'null' ? 'false' : found
    if (outcome === 'false') continue
    if (outcome === 'null') unknown = true
    else if (outcome === 'true' || outcome === 'defer') {
      out.push(outcome === 'true' ? `${t} = true;` : e.deferStatement)
      return close()
    } else {
      out.push(`${outcome.setup} if (${outcome.code}) { ${t} = true; } else {`)
      open++
    }
  }
  out.push(`${t} = ${unknown ? 'null' : 'false'};`)
  return close()
}

function outcomeOf(e: Emitter, test: Test, type: RuntimeType, v: string): Outcome {
  switch (test.kind) {
    case 'equal':
      return type === test.type ? { setup: '', code: `${v} === ${test.code}` } : 'false'
    case 'predicate':
      if (type === test.type) {
        return { setup: '', code: `${v} ${test.negated ? '!==' : '==='} ${test.code}` }
      }
      return type === 'null' ? (String(test.negated) as 'true' | 'false') : 'null'
    case 'range':
      if (type === test.range.type) return rangeCheck(e, test.range, v)
      return type === 'null' ? 'null' : 'defer'
  }
}

/** The membership check of a value already known to be of the range's type. */
export function rangeCheck(
  e: Emitter,
  range: RangeSpec,
  v: string,
): { setup: string; code: string } {
  let x = v
  let setup = ''
  if (range.type === 'date') {
    x = e.temp()
    setup = `const ${x} = dateDay(${v});`
  }
  const parts: string[] = []
  const { low, high } = range
  if (low !== null) parts.push(range.lowIncluded ? `!(${x} < ${low.code})` : `${x} > ${low.code}`)
  if (high !== null) {
    parts.push(range.highIncluded ? `!(${x} > ${high.code})` : `${x} < ${high.code}`)
  }
  return { setup, code: parts.length === 0 ? 'true' : parts.join(' && ') }
}

/** Two constant bounds of one kind, swapped when descending (as rangeIncludes does). */
export function rangeOf(
  e: Emitter,
  start: Value,
  end: Value,
  startIncluded: boolean,
  endIncluded: boolean,
): RangeSpec {
  const low = boundOf(e, start)
  const high = boundOf(e, end)
  if (low.type !== high.type) throw new NotGenerated('range of mixed bounds')
  if (low.key > high.key) {
    return {
      type: low.type,
      low: high,
      high: low,
      lowIncluded: endIncluded,
      highIncluded: startIncluded,
    }
  }
  return { type: low.type, low, high, lowIncluded: startIncluded, highIncluded: endIncluded }
}

function boundOf(e: Emitter, value: Value): Bound {
  const constant = value.constant?.value
  if (typeof constant === 'number' && !Number.isNaN(constant)) {
    return { type: 'number', key: constant, code: value.code }
  }
  if (typeof constant === 'string') return { type: 'string', key: constant, code: value.code }
  if (constant instanceof FeelDate) {
    const day = dateDay(constant)
    return { type: 'date', key: day, code: numberLiteral(e.fn, day) }
  }
  throw new NotGenerated('range bound')
}

/**
 * The tests of `x in …` or of a unary-tests source. A list literal stands for its items when it
 * is the only test of `in`, and always in unary tests (compileUnaryTests flattens one level).
 */
function parseTests(e: Emitter, node: SyntaxNode | undefined, mode: Mode): Test[] {
  if (node?.name === 'PositiveUnaryTests') {
    if (mode === 'in') return operands(node).map((test) => positiveTest(e, test))
    return operands(node).flatMap((test) => listItems(e, test) ?? [positiveTest(e, test)])
  }
  if (node?.name !== 'PositiveUnaryTest') throw new NotGenerated('in')
  return listItems(e, node) ?? [positiveTest(e, node)]
}

function listItems(e: Emitter, test: SyntaxNode): Test[] | null {
  const [inner] = operands(test)
  if (inner?.name !== 'List') return null
  return operands(inner).map((item) => equalTest(e, item))
}

function positiveTest(e: Emitter, node: SyntaxNode): Test {
  const [inner] = operands(node)
  if (node.name !== 'PositiveUnaryTest' || inner === undefined) throw new NotGenerated('test')
  if (inner.name === 'SimplePositiveUnaryTest') return simpleTest(e, inner)
  return equalTest(e, inner)
}

function equalTest(e: Emitter, node: SyntaxNode): Test {
  return { kind: 'equal', ...literalOf(e, node) }
}

function literalOf(e: Emitter, node: SyntaxNode): { type: 'number' | 'string'; code: string } {
  const value = emitNode(e, node)
  const constant = value.constant?.value
  if (typeof constant === 'number') return { type: 'number', code: value.code }
  if (typeof constant === 'string') return { type: 'string', code: value.code }
  throw new NotGenerated('test value')
}

/** `< c`, `>= c`, `= c`, `!= c` or an interval, with constant operands. */
function simpleTest(e: Emitter, node: SyntaxNode): Test {
  const [first, second] = operands(node)
  if (first?.name === 'Interval' && second === undefined) {
    return { kind: 'range', range: intervalRange(e, first) }
  }
  if (first?.name !== 'CompareOp' || second === undefined) throw new NotGenerated('unary test')
  const op = e.text(first)
  if (op === '=' || op === '!=') {
    return { kind: 'predicate', negated: op === '!=', ...literalOf(e, second) }
  }
  const bound = boundOf(e, emitNode(e, second))
  const open = { type: bound.type, low: null, high: null, lowIncluded: false, highIncluded: false }
  if (op === '<' || op === '<=') {
    return { kind: 'range', range: { ...open, high: bound, highIncluded: op === '<=' } }
  }
  return { kind: 'range', range: { ...open, low: bound, lowIncluded: op === '>=' } }
}

function intervalRange(e: Emitter, node: SyntaxNode): RangeSpec {
  const [startNode, endNode] = operands(node)
  if (startNode === undefined || endNode === undefined) throw new NotGenerated('interval')
  const startClosed = node.children[0]?.name === '['
  const endClosed = node.children.at(-1)?.name === ']'
  return rangeOf(e, emitNode(e, startNode), emitNode(e, endNode), startClosed, endClosed)
}
