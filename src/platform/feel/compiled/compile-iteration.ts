import { FeelRange } from 'feelin'
import { defer } from './bailout.js'
import { rangeIncludes } from './compare.js'
import { child, Unsupported } from './env.js'
import type { CompileContext, Compiled, Env, Run } from './env.js'
import { nameOf } from './names.js'
import { operands } from './syntax-tree.js'
import type { SyntaxNode } from './syntax-tree.js'
import type { TestFn } from './compare.js'
import { isContext, isTruthy } from './values.js'
import type { FeelContext } from './values.js'

type Source = { name: string; run: Run }

/** `some x in xs satisfies …` / `every …`: null when an iterated value is not a list. */
export function compileQuantified(
  cx: CompileContext,
  node: SyntaxNode,
  parts: SyntaxNode[],
): Compiled {
  const [quantifier, inNode, , bodyNode] = node.children
  if (inNode === undefined || bodyNode === undefined || parts.length < 2) {
    throw new Unsupported(node, 'quantified expression')
  }
  const sources = iterationSources(cx, inNode)
  const body = cx.compile(bodyNode).run
  const every = quantifier?.name === 'every'
  const run = (env: Env): unknown => {
    const scopes = iterationScopes(env, sources)
    if (scopes === null) return null
    const holds = (scope: FeelContext): boolean => isTruthy(body(child(env, scope)))
    return every ? scopes.every(holds) : scopes.some(holds)
  }
  return { run, type: 'test' }
}

/** `for x in xs return …`; the results so far are visible as `partial`. */
export function compileFor(cx: CompileContext, node: SyntaxNode): Compiled {
  const [, inNode, , bodyNode] = node.children
  if (inNode === undefined || bodyNode === undefined) throw new Unsupported(node, 'for expression')
  const sources = iterationSources(cx, inNode)
  const body = cx.compile(bodyNode).run
  const run = (env: Env): unknown => {
    const scopes = iterationScopes(env, sources)
    if (scopes === null) return null
    const partial: unknown[] = []
    for (const scope of scopes) partial.push(body(child(env, { ...scope, partial })))
    return partial
  }
  return { run, type: undefined }
}

function iterationSources(cx: CompileContext, node: SyntaxNode): Source[] {
  if (node.name !== 'InExpressions') throw new Unsupported(node, node.name)
  return operands(node).map((inExpression) => {
    const [nameNode, , contextNode] = inExpression.children
    if (nameNode === undefined || contextNode?.name !== 'IterationContext') {
      throw new Unsupported(inExpression, 'iteration context')
    }
    return { name: nameOf(cx.source, nameNode), run: iterationValues(cx, contextNode) }
  })
}

/** `xs` or `a..b` (an inclusive integer range). */
function iterationValues(cx: CompileContext, node: SyntaxNode): Run {
  const [fromNode, toNode] = operands(node)
  if (fromNode === undefined) throw new Unsupported(node, 'iteration context')
  const from = cx.compile(fromNode).run
  if (toNode === undefined) return from
  const to = cx.compile(toNode).run
  return (env) => integerSpan(from(env), to(env))
}

function integerSpan(from: unknown, to: unknown): number[] {
  if (!Number.isInteger(from) || !Number.isInteger(to)) defer('range of non-integers')
  const [start, end] = [from as number, to as number]
  const step = start > end ? -1 : 1
  return Array.from({ length: Math.abs(end - start) + 1 }, (_, i) => start + i * step)
}

/** The cartesian product of the iterated values; later sources see earlier variables. */
function iterationScopes(env: Env, sources: Source[]): FeelContext[] | null {
  let scopes: FeelContext[] = [{}]
  for (const source of sources) {
    const next: FeelContext[] = []
    for (const scope of scopes) {
      const items = iterable(source.run(child(env, scope)))
      if (items === null) return null
      for (const item of items) next.push({ ...scope, [source.name]: item })
    }
    scopes = next
  }
  return scopes
}

function iterable(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value as unknown[]
  if (value instanceof FeelRange) return rangeItems(value)
  return null
}

function rangeItems(range: FeelRange): unknown[] {
  if (range.start === null && range.end === null) return []
  if (range.valueType !== 'number') defer('iterating a non-numeric range')
  const all = integerSpan(range.start, range.end)
  const items = range['start included'] ? all : all.slice(1)
  return range['end included'] ? items : items.slice(0, -1)
}

const INDEX_TYPES = new Set(['number', 'boolean', 'any'])

/**
 * `xs[i]`, `xs[true]`, `xs["a"]` or `xs[item > 2]`. As in feelin, the filter's static type picks
 * the mode: index-like filters are evaluated once in the outer scope, tests once per item.
 */
export function compileFilter(cx: CompileContext, node: SyntaxNode, parts: SyntaxNode[]): Compiled {
  const [targetNode, filterNode] = parts
  if (targetNode === undefined || filterNode === undefined) throw new Unsupported(node, 'filter')
  const target = cx.compile(targetNode).run
  const filter = cx.compile(filterNode)
  const select = selector(filter.run, filter.type)
  const run = (env: Env): unknown => {
    const value = target(env)
    if (value === null) return null
    return select(env, value, Array.isArray(value) ? (value as unknown[]) : [value])
  }
  return { run, type: 'any' }
}

type Select = (env: Env, target: unknown, items: unknown[]) => unknown

function selector(filter: Run, type: string | undefined): Select {
  if (type !== undefined && INDEX_TYPES.has(type))
    return (env, target, items) => pick(filter(env), target, items)
  if (type === 'string') {
    return (env, _target, items) => {
      const wanted = filter(env)
      return items.filter((item) => item === wanted)
    }
  }
  if (type === 'test')
    return (env, _target, items) => items.map((item) => keep(env, filter, item)).filter(isTruthy)
  return () => null
}

function pick(index: unknown, target: unknown, items: unknown[]): unknown {
  if (typeof index === 'boolean') return index ? target : []
  if (typeof index !== 'number') return []
  return items[index < 0 ? items.length + index : index - 1] ?? null
}

function keep(env: Env, filter: Run, item: unknown): unknown {
  const vars: FeelContext = isContext(item) ? { item, ...item } : { item }
  let result = filter(child(env, vars))
  if (typeof result === 'function') result = (result as TestFn)(item)
  if (result instanceof FeelRange) result = rangeIncludes(result, item)
  return result === true ? item : result
}
