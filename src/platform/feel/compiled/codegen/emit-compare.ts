import { FeelDate } from 'feelin'
import { dateDay } from '../iso-date.js'
import { operands } from '../syntax-tree.js'
import type { SyntaxNode } from '../syntax-tree.js'
import { dispatch, dispatchCode, materialise, NotGenerated, numberLiteral } from './emitter.js'
import type { Emitter, RuntimeType, Value } from './emitter.js'
import { emitNode } from './emit-node.js'
import { emitIn, rangeCheck, rangeOf } from './emit-in.js'

/** `a = b`, `a < b` …, `a in tests`, `a between x and y`. */
export function emitComparison(e: Emitter, node: SyntaxNode): Value {
  const [leftNode, opNode, ...rest] = operands(node)
  if (leftNode === undefined || opNode === undefined || leftNode.name === '?') {
    throw new NotGenerated('comparison')
  }
  if (opNode.name === 'in') return emitIn(e, emitNode(e, leftNode), rest[0])
  if (opNode.name === 'between') return emitBetween(e, leftNode, rest)
  const [rightNode] = rest
  if (rightNode === undefined || rightNode.name === '?') throw new NotGenerated('comparison')
  const op = e.text(opNode)
  const left = emitNode(e, leftNode)
  const right = emitNode(e, rightNode)
  if (op === '=' || op === '!=') return equality(e, left, right, op === '!=')
  return ordering(e, op, left, right)
}

/** JavaScript for `a op b` as the closures order (`<=` is `!(a > b)`: NaN orders as equal). */
export function orderedCode(op: string, a: string, b: string): string {
  if (op === '<') return `${a} < ${b}`
  if (op === '<=') return `!(${a} > ${b})`
  if (op === '>') return `${a} > ${b}`
  return `!(${a} < ${b})`
}

function ordering(e: Emitter, op: string, left: Value, right: Value): Value {
  const t = e.temp()
  e.line(`let ${t};`)
  const leftConstant = isPlainConstant(left)
  const rightConstant = isPlainConstant(right)
  if (rightConstant && !leftConstant) orderAgainst(e, t, op, left, right, true)
  else if (leftConstant && !rightConstant) orderAgainst(e, t, op, right, left, false)
  else {
    const a = materialise(e, left).code
    const b = materialise(e, right).code
    e.line(
      `${t} = order(${JSON.stringify(op)}, ${a}, ${b}); if (${t} === DEFER) ${e.deferStatement}`,
    )
  }
  return { code: t, kind: 'bool3' }
}

/** `x op c` or `c op x` with c a number, string or date literal. */
function orderAgainst(
  e: Emitter,
  t: string,
  op: string,
  value: Value,
  bound: Value,
  boundRight: boolean,
): void {
  const constant = bound.constant?.value
  const pair = (x: string, c: string): string =>
    boundRight ? orderedCode(op, x, c) : orderedCode(op, c, x)
  if (constant instanceof FeelDate) {
    const day = numberLiteral(e.fn, dateDay(constant))
    dateBranches(e, t, value, (d) => `${t} = ${pair(d, day)};`, 'null')
    return
  }
  const type = typeof constant === 'number' ? 'number' : 'string'
  const v = materialise(e, value)
  dispatch(e, v, { [type]: `${t} = ${pair(v.code, bound.code)};`, null: `${t} = null;` })
}

function equality(e: Emitter, left: Value, right: Value, negated: boolean): Value {
  const t = e.temp()
  e.line(`let ${t};`)
  const [value, bound] = isPlainConstant(right) ? [left, right] : [right, left]
  const constant = bound.constant?.value
  if (!isPlainConstant(bound) || isPlainConstant(value)) {
    const a = materialise(e, left).code
    const b = materialise(e, right).code
    e.line(`${t} = equal(${a}, ${b}); if (${t} === DEFER) ${e.deferStatement}`)
    if (negated) e.line(`if (${t} !== null) ${t} = !${t};`)
  } else if (constant instanceof FeelDate) {
    const day = numberLiteral(e.fn, dateDay(constant))
    const same = (d: string): string => `${t} = ${d} ${negated ? '!==' : '==='} ${day};`
    dateBranches(e, t, value, same, String(negated))
  } else {
    equalsPrimitive(e, t, materialise(e, value), bound, negated)
  }
  return { code: t, kind: 'bool3' }
}

/** feelEquals against a number or string: same type compares, null is false, other types null. */
function equalsPrimitive(e: Emitter, t: string, value: Value, bound: Value, negated: boolean) {
  const type = typeof bound.constant?.value === 'number' ? 'number' : 'string'
  const branches: Partial<Record<RuntimeType, string>> = {
    number: `${t} = null;`,
    string: `${t} = null;`,
    boolean: `${t} = null;`,
    null: `${t} = ${String(negated)};`,
  }
  branches[type] = `${t} = ${value.code} ${negated ? '!==' : '==='} ${bound.code};`
  dispatch(e, value, branches)
}

/**
 * A value against a constant date: null gives `ifNull`, a FEEL date (or, for an entry declared
 * as ISO dates, a YYYY-MM-DD string) its day number to `compare`; anything else defers.
 */
function dateBranches(
  e: Emitter,
  t: string,
  value: Value,
  compare: (day: string) => string,
  ifNull: string,
): void {
  const d = e.temp()
  const branches: Partial<Record<RuntimeType, string>> = {
    null: `${t} = ${ifNull};`,
    date: `const ${d} = dateDay(${value.code}); ${compare(d)}`,
  }
  if (value.isoName === true) {
    const iso = `const ${d} = isoDay(${value.code}); if (${d} !== ${d}) ${e.deferStatement}`
    branches.string = `${iso} ${compare(d)}`
  }
  dispatch(e, value, branches)
}

/** Literal numbers, strings and dates; folded date(…) calls count. */
function isPlainConstant(value: Value): boolean {
  const constant = value.constant?.value
  return (
    typeof constant === 'number' || typeof constant === 'string' || constant instanceof FeelDate
  )
}

/** `x between a and b` with constant bounds of one kind (other forms stay with the closures). */
function emitBetween(e: Emitter, valueNode: SyntaxNode, rest: SyntaxNode[]): Value {
  const [lowNode, highNode] = rest.filter((part) => part.name !== 'and')
  if (lowNode === undefined || highNode === undefined) throw new NotGenerated('between')
  const range = rangeOf(e, emitNode(e, lowNode), emitNode(e, highNode), true, true)
  const value = materialise(e, emitNode(e, valueNode))
  const t = e.temp()
  e.line(`let ${t};`)
  const check = rangeCheck(e, range, value.code)
  e.line(
    dispatchCode(e, value, {
      [range.type]: `${check.setup} ${t} = ${check.code};`,
      null: `${t} = null;`,
    }),
  )
  return { code: t, kind: 'bool3' }
}
