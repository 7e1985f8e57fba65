import { FeelDate, FeelRange } from 'feelin'
import { feelEquals, feelIn, feelOrder, makeRange, ordered, rangeIncludes } from './compare.js'
import { rangeTest, testValue } from './compare.js'
import type { TestFn } from './compare.js'
import { dateDay } from './iso-date.js'
import { constant, constantOf, Unsupported } from './env.js'
import type { CompileContext, Compiled, Env, Run } from './env.js'
import { operands } from './syntax-tree.js'
import type { SyntaxNode } from './syntax-tree.js'

/** `a = b`, `a < b`, `a in tests`, `a between x and y` (and `? > 3` inside unary tests). */
export function compileComparison(
  cx: CompileContext,
  node: SyntaxNode,
  parts: SyntaxNode[],
): Compiled {
  const [leftNode, opNode, ...rest] = parts
  if (leftNode === undefined || opNode === undefined) throw new Unsupported(node, 'comparison')
  const left = operand(cx, leftNode)
  if (opNode.name === 'in') return { run: membership(cx, node, left, rest), type: 'test' }
  if (opNode.name === 'between') return { run: between(cx, node, left, rest), type: 'test' }
  const [rightNode] = rest
  if (rightNode === undefined) throw new Unsupported(node, 'comparison')
  const right = operand(cx, rightNode)
  const op = cx.source.slice(opNode.from, opNode.to)
  return { run: comparing(op, left, right), type: 'test' }
}

function comparing(op: string, left: Run, right: Run): Run {
  const fixed = constantOf(right)?.value
  if (isOrderable(fixed)) return againstConstant(op, left, fixed)
  if (op === '=') return (env) => feelEquals(left(env), right(env))
  if (op === '!=') return (env) => negate(feelEquals(left(env), right(env)))
  return (env) => feelOrder(op, left(env), right(env))
}

/**
 * `x op c` for a literal number, string or date c: a value of c's type is compared directly (a
 * date by day number, c's computed once); any other value takes the general path.
 */
function againstConstant(op: string, left: Run, fixed: unknown): Run {
  const general: (value: unknown) => boolean | null =
    op === '='
      ? (value) => feelEquals(value, fixed)
      : op === '!='
        ? (value) => negate(feelEquals(value, fixed))
        : (value) => feelOrder(op, value, fixed)
  const same =
    op === '=' || op === '!=' ? (a: number, b: number) => (a === b) === (op === '=') : null
  const compare = same ?? ((a: number, b: number) => ordered(op, a, b))
  if (fixed instanceof FeelDate) {
    const day = dateDay(fixed)
    return (env) => {
      const value = left(env)
      return value instanceof FeelDate ? compare(dateDay(value), day) : general(value)
    }
  }
  const type = typeof fixed
  return (env) => {
    const value = left(env)
    // numbers and strings alike; typed as numbers for the comparison
    return typeof value === type ? compare(value as number, fixed as number) : general(value)
  }
}

function negate(result: boolean | null): boolean | null {
  return result === null ? null : !result
}

/** `?` reads the unary-test input as feelin does: undefined when absent, not null. */
function operand(cx: CompileContext, node: SyntaxNode): Run {
  if (node.name === '?') return (env) => inputOf(env)
  return cx.compile(node).run
}

function membership(cx: CompileContext, node: SyntaxNode, left: Run, rest: SyntaxNode[]): Run {
  const [testsNode] = rest
  if (testsNode === undefined) throw new Unsupported(node, 'in')
  const tests = positiveTests(cx, testsNode)
  const fixed = constantOf(tests)?.value
  if (fixed instanceof FeelRange) {
    const test = rangeTest(fixed)
    return (env) => test(left(env))
  }
  if (Array.isArray(fixed) && fixed.every(isPrimitive)) {
    // literal values only: a value of their kinds matches by ===, null matches none of them
    return (env) => {
      const value = left(env)
      if (isPrimitive(value)) return fixed.indexOf(value) !== -1
      return value === null ? false : feelIn(value, fixed)
    }
  }
  return (env) => feelIn(left(env), tests(env))
}

function isPrimitive(value: unknown): value is number | string | boolean {
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean'
}

function between(cx: CompileContext, node: SyntaxNode, value: Run, rest: SyntaxNode[]): Run {
  const [lowNode, highNode] = rest.filter((part) => part.name !== 'and')
  if (lowNode === undefined || highNode === undefined) throw new Unsupported(node, 'between')
  const low = cx.compile(lowNode).run
  const high = cx.compile(highNode).run
  const range = constantRange(low, high, true, true)
  if (range !== null) {
    const test = rangeTest(range)
    return (env) => test(value(env))
  }
  return (env) => {
    const start = low(env)
    const end = high(env)
    if (start === null || end === null) return null
    return rangeIncludes(makeRange(start, end, true, true), value(env))
  }
}

/** PositiveUnaryTests → the list of test values; PositiveUnaryTest → one test value. */
export function positiveTests(cx: CompileContext, node: SyntaxNode): Run {
  if (node.name === 'PositiveUnaryTests') {
    const tests = operands(node).map((test) => positiveTest(cx, test))
    const values = tests.map(constantOf)
    if (values.every((v) => v !== undefined))
      return constant(
        values.map((v) => v?.value),
        'test',
      ).run
    return (env) => tests.map((test) => test(env))
  }
  return positiveTest(cx, node)
}

/** A boolean literal tests the input for identity when there is an input (`?`). */
function positiveTest(cx: CompileContext, node: SyntaxNode): Run {
  const [inner] = operands(node)
  if (node.name !== 'PositiveUnaryTest' || inner === undefined)
    throw new Unsupported(node, node.name)
  if (inner.name === 'List') {
    const items = operands(inner).map((item) => constantOf(cx.compile(item).run))
    if (items.every((item) => item !== undefined && isPrimitive(item.value))) {
      return constant(
        items.map((item) => item?.value),
        undefined,
      ).run
    }
  }
  const test = cx.compile(inner)
  if (test.type !== 'boolean') return test.run
  return (env) => (hasInput(env) ? test.run(env) === inputOf(env) : test.run(env))
}

/** `< 3`, `>= x`, `= "a"`, `!= 1` or an interval, as a test value. */
export function compileSimpleTest(
  cx: CompileContext,
  node: SyntaxNode,
  parts: SyntaxNode[],
): Compiled {
  const [first, second] = parts
  if (first?.name === 'Interval' && second === undefined) return cx.compile(first)
  if (first?.name !== 'CompareOp' || second === undefined) throw new Unsupported(node, 'unary test')
  const op = cx.source.slice(first.from, first.to)
  const bound = cx.compile(second).run
  const fixed = constantOf(bound)
  if (fixed !== undefined && (fixed.value === null || isOrderable(fixed.value))) {
    return constant(boundTest(op, fixed.value), 'test')
  }
  return { run: (env) => boundTest(op, bound(env)), type: 'test' }
}

function boundTest(op: string, bound: unknown): FeelRange | TestFn {
  switch (op) {
    case '<':
      return makeRange(null, bound, false, false)
    case '<=':
      return makeRange(null, bound, false, true)
    case '>':
      return makeRange(bound, null, false, false)
    case '>=':
      return makeRange(bound, null, true, false)
    case '=':
      return (value) => feelEquals(value, bound)
    default:
      return (value) => negate(feelEquals(value, bound))
  }
}

/** `[a..b]`, `(a..b]`, `]a..b[`: a bound is excluded when null or bracketed outward. */
export function compileInterval(cx: CompileContext, node: SyntaxNode): Compiled {
  const [startNode, endNode] = operands(node)
  if (startNode === undefined || endNode === undefined) throw new Unsupported(node, 'interval')
  const startClosed = node.children[0]?.name === '['
  const endClosed = node.children.at(-1)?.name === ']'
  const start = cx.compile(startNode).run
  const end = cx.compile(endNode).run
  const range = constantRange(start, end, startClosed, endClosed)
  if (range !== null) return constant(range, 'test')
  const run = (env: Env): FeelRange => {
    const low = start(env)
    const high = end(env)
    return makeRange(low, high, low !== null && startClosed, high !== null && endClosed)
  }
  return { run, type: 'test' }
}

/** Top of a unary-tests source: `-`, `not(…)` or a list of positive tests. */
export function compileUnaryTests(cx: CompileContext, root: SyntaxNode): Run {
  const negated = root.children[0]?.name === 'not'
  const tests = operands(root)
    .filter((part) => part.name !== 'not')
    .map((part): Run => (part.name === 'Wildcard' ? () => true : positiveTests(cx, part)))
  return (env) => {
    const value = inputOf(env) ?? null
    const matched = tests
      .map((test) => test(env))
      .flat(1)
      .some((test) => matchesInput(test, value) === true)
    return negated ? !matched : matched
  }
}

function matchesInput(test: unknown, value: unknown): boolean | null {
  if (Array.isArray(test)) return test.includes(value)
  if (typeof test === 'boolean') return test
  return testValue(test, value)
}

export function inputOf(env: Env): unknown {
  for (let scope: Env | null = env; scope !== null; scope = scope.parent) {
    if (Object.hasOwn(scope.vars, '?')) return scope.vars['?']
  }
  return undefined
}

function hasInput(env: Env): boolean {
  for (let scope: Env | null = env; scope !== null; scope = scope.parent) {
    if (Object.hasOwn(scope.vars, '?')) return true
  }
  return false
}

/** A literal bound that makeRange accepts as is (a folded range is built once, at compile time). */
function isOrderable(value: unknown): boolean {
  return typeof value === 'number' || typeof value === 'string' || value instanceof FeelDate
}

/** The range of two constant bounds of one orderable kind, built once; null otherwise. */
function constantRange(start: Run, end: Run, startClosed: boolean, endClosed: boolean) {
  const low = constantOf(start)?.value
  const high = constantOf(end)?.value
  if (!isOrderable(low) || !isOrderable(high)) return null
  if (typeof low !== typeof high || low instanceof FeelDate !== high instanceof FeelDate)
    return null
  return makeRange(low, high, startClosed, endClosed)
}
