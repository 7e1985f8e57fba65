import { INVALID_OPERANDS, arithmetic } from './arithmetic.js'
import { defer } from './bailout.js'
import { compileCall, compileDateTimeLiteral } from './compile-call.js'
import { compileFilter, compileFor, compileQuantified } from './compile-iteration.js'
import { compileComparison, compileInterval, compileSimpleTest, inputOf } from './compile-tests.js'
import { constant, Unsupported, warn } from './env.js'
import type { CompileContext, Compiled, Env, StaticType } from './env.js'
import { entry, lookup, nameKey, readsRoot } from './lookup.js'
import { asIsoDate } from './iso-date.js'
import { FEELIN_BUILTIN_NAMES, longerNames, nameOf } from './names.js'
import { operands } from './syntax-tree.js'
import type { SyntaxNode } from './syntax-tree.js'
import { numberOf, unescapeString } from './strings.js'
import { isContext, isTruthy } from './values.js'

/** Compiles one node of an expression tree into a closure over the evaluation scope. */
export function createCompiler(
  source: string,
  rootNames: string[],
  isoDates: ReadonlySet<string> = new Set(),
): CompileContext {
  const context: CompileContext = {
    source,
    isoDates,
    compile: (node) => compileNode(context, node, rootNames),
  }
  return context
}

function compileNode(cx: CompileContext, node: SyntaxNode, rootNames: string[]): Compiled {
  const text = cx.source.slice(node.from, node.to)
  const parts = operands(node)
  switch (node.name) {
    case 'Expression':
    case 'ParenthesizedExpression':
      return cx.compile(only(node, parts))
    case 'NumericLiteral':
      return constant(numberOf(text), 'number')
    case 'StringLiteral':
      return constant(unescapeString(node, text), 'string')
    case 'BooleanLiteral':
      return constant(text === 'true', 'boolean')
    case 'null':
      return constant(null, 'nil')
    case 'VariableName':
      rootNames.push(...longerNames(cx.source, node))
      return variable(cx, node, nameOf(cx.source, node))
    case '?':
      return { run: inputOf, type: undefined }
    case 'PathExpression':
      return path(cx, node, parts)
    case 'ArithmeticExpression':
      return arithmeticNode(cx, node, parts)
    case 'Conjunction':
    case 'Disjunction':
      return logical(cx, node, parts)
    case 'IfExpression':
      return conditional(cx, node, parts)
    case 'List':
      return list(cx, parts)
    case 'Context':
      return contextLiteral(cx, parts)
    case 'Comparison':
      return compileComparison(cx, node, parts)
    case 'SimplePositiveUnaryTest':
      return compileSimpleTest(cx, node, parts)
    case 'Interval':
      return compileInterval(cx, node)
    case 'FilterExpression':
      return compileFilter(cx, node, parts)
    case 'QuantifiedExpression':
      return compileQuantified(cx, node, parts)
    case 'ForExpression':
      return compileFor(cx, node)
    case 'FunctionInvocation':
      return compileCall(cx, node, parts)
    case 'DateTimeLiteral':
      return compileDateTimeLiteral(cx, node, parts)
    default:
      throw new Unsupported(node, node.name)
  }
}

function only(node: SyntaxNode, parts: SyntaxNode[]): SyntaxNode {
  const [first] = parts
  if (first === undefined || parts.length !== 1) throw new Unsupported(node, node.name)
  return first
}

function variable(cx: CompileContext, node: SyntaxNode, name: string): Compiled {
  const builtin = FEELIN_BUILTIN_NAMES.has(name)
  const key = nameKey(name)
  const isoDate = cx.isoDates.has(name)
  const run = (env: Env): unknown => {
    const value = lookup(env, key)
    if (value === undefined) {
      if (builtin) defer(`built-in ${name} used as a value`)
      warn(env, 'NO_VARIABLE_FOUND', `Variable '${name}' not found`, node)
      return null
    }
    if (typeof value === 'function') defer('function value in the context')
    if (isoDate && typeof value === 'string' && readsRoot(env, key)) return asIsoDate(value)
    return value
  }
  return { run, type: 'any' }
}

function path(cx: CompileContext, node: SyntaxNode, parts: SyntaxNode[]): Compiled {
  const [targetNode, nameNode] = parts
  if (targetNode === undefined || nameNode?.name !== 'PathName') throw new Unsupported(node, 'path')
  const target = cx.compile(targetNode).run
  const name = nameOf(cx.source, nameNode)
  const key = nameKey(name)
  const ambiguous = longerNames(cx.source, nameNode)
  const read = (value: unknown, env: Env): unknown => {
    if (isContext(value)) {
      if (ambiguous.some((longer) => Object.hasOwn(value, longer))) {
        defer('key spelled with operators')
      }
      const found = entry(value, key)
      if (found !== undefined) return found
      warn(env, 'NO_CONTEXT_ENTRY_FOUND', `Key '${name}' not found`, nameNode)
      return null
    }
    if (value !== null && value !== undefined && typeof value === 'object')
      defer('property of a value')
    warn(env, 'NO_PROPERTY_FOUND', `Property '${name}' not found`, nameNode)
    return null
  }
  const run = (env: Env): unknown => {
    const value = target(env)
    return Array.isArray(value) ? value.map((item) => read(item, env)) : read(value, env)
  }
  return { run, type: 'any' }
}

function arithmeticNode(cx: CompileContext, node: SyntaxNode, parts: SyntaxNode[]): Compiled {
  const opNode = parts.find((part) => part.name === 'ArithOp')
  const values = parts.filter((part) => part.name !== 'ArithOp').map((part) => cx.compile(part))
  if (opNode === undefined || values.length === 0) throw new Unsupported(node, 'arithmetic')
  const op =
    cx.source.slice(opNode.from, opNode.to) === '^' ? '**' : cx.source.slice(opNode.from, opNode.to)
  const [left, right] = values.length === 2 ? values : [constant(0, 'number'), values[0]]
  if (left === undefined || right === undefined) throw new Unsupported(node, 'arithmetic')
  const run = (env: Env): unknown => {
    const result = arithmetic(op, left.run(env), right.run(env))
    if (result !== INVALID_OPERANDS) return result
    warn(env, 'INVALID_TYPE', `Can't apply ${op} to these operands`, opNode)
    return null
  }
  const type: StaticType = values.length === 2 ? sameType(left.type, right.type) : right.type
  return { run, type }
}

export function sameType(a: StaticType, b: StaticType): StaticType {
  return a === b ? a : 'any'
}

function logical(cx: CompileContext, node: SyntaxNode, parts: SyntaxNode[]): Compiled {
  const [leftNode, rightNode] = parts.filter((part) => part.name !== 'and' && part.name !== 'or')
  if (leftNode === undefined || rightNode === undefined) throw new Unsupported(node, node.name)
  const left = cx.compile(leftNode).run
  const right = cx.compile(rightNode).run
  const decisive = node.name === 'Conjunction' ? false : true
  const run = (env: Env): boolean | null => {
    const a = left(env)
    const b = right(env)
    if (a === decisive || b === decisive) return decisive
    return typeof a === 'boolean' && typeof b === 'boolean' ? !decisive : null
  }
  return { run, type: 'test' }
}

function conditional(cx: CompileContext, node: SyntaxNode, parts: SyntaxNode[]): Compiled {
  const [condNode, thenNode, elseNode] = parts.filter((part) => !KEYWORDS.has(part.name))
  if (condNode === undefined || thenNode === undefined || elseNode === undefined) {
    throw new Unsupported(node, 'if')
  }
  const cond = cx.compile(condNode).run
  const then = cx.compile(thenNode)
  const otherwise = cx.compile(elseNode)
  const run = (env: Env): unknown => (isTruthy(cond(env)) ? then.run(env) : otherwise.run(env))
  return { run, type: sameType(then.type, otherwise.type) }
}

const KEYWORDS = new Set(['if', 'then', 'else'])

function list(cx: CompileContext, parts: SyntaxNode[]): Compiled {
  const items = parts.map((part) => cx.compile(part).run)
  return { run: (env) => items.map((item) => item(env)), type: undefined }
}

function contextLiteral(cx: CompileContext, parts: SyntaxNode[]): Compiled {
  const entries = parts.map((part) => contextEntry(cx, part))
  const run = (env: Env): unknown => {
    const result: Record<string, unknown> = {}
    const scope: Env = { vars: result, parent: env, warnings: env.warnings }
    for (const [key, value] of entries) result[key] = value(scope)
    return result
  }
  return { run, type: undefined }
}

function contextEntry(cx: CompileContext, node: SyntaxNode): [string, (env: Env) => unknown] {
  const [keyNode, valueNode] = operands(node)
  const keyPart = keyNode?.children[0]
  if (node.name !== 'ContextEntry' || keyPart === undefined || valueNode === undefined) {
    throw new Unsupported(node, 'context entry')
  }
  const keyText = cx.source.slice(keyPart.from, keyPart.to)
  const key =
    keyPart.name === 'StringLiteral'
      ? unescapeString(keyPart, keyText)
      : keyText.replace(/\s{2,}/g, ' ')
  return [key, cx.compile(valueNode).run]
}
