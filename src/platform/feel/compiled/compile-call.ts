import { duration, parseDate, parseDateTime } from 'feelin'
import { defer, NeedsInterpreter } from './bailout.js'
import { BUILTINS } from './builtins.js'
import { constant, constantOf, Unsupported, warn } from './env.js'
import type { CompileContext, Compiled, Env, Run } from './env.js'
import { lookup, nameKey } from './lookup.js'
import { nameOf } from './names.js'
import { Rejected } from './signature.js'
import type { Builtin } from './signature.js'
import { operands } from './syntax-tree.js'
import type { SyntaxNode } from './syntax-tree.js'
import { unescapeString } from './strings.js'

/** A call of a built-in by name; calls of context functions are left to the interpreter. */
export function compileCall(cx: CompileContext, node: SyntaxNode, parts: SyntaxNode[]): Compiled {
  const [callee, params] = parts
  if (callee?.name === 'SpecialFunctionName') return special(cx, node, callee, params)
  if (callee?.name !== 'VariableName') throw new Unsupported(node, 'call of a computed function')
  const name = nameOf(cx.source, callee)
  const builtin = BUILTINS.get(name)
  if (builtin === undefined) throw new Unsupported(callee, `function ${name}()`)
  const args = argumentList(cx, params)
  const key = nameKey(name)
  const run = (env: Env): unknown => {
    if (lookup(env, key) !== undefined) defer(`context entry shadows built-in ${name}`)
    return invoke(
      env,
      node,
      builtin,
      args.map((arg) => arg(env)),
    )
  }
  return { run, type: 'any' }
}

/** Names the grammar knows as built-ins (`years and months duration`); no context lookup. */
function special(
  cx: CompileContext,
  node: SyntaxNode,
  callee: SyntaxNode,
  params: SyntaxNode | undefined,
): Compiled {
  const name = cx.source.slice(callee.from, callee.to).replace(/\s+/g, ' ')
  const builtin = BUILTINS.get(name)
  if (builtin === undefined) throw new Unsupported(callee, `function ${name}()`)
  const args = argumentList(cx, params)
  return {
    run: (env) =>
      invoke(
        env,
        node,
        builtin,
        args.map((arg) => arg(env)),
      ),
    type: 'any',
  }
}

/** `date("…")`, `date and time("…")`, `duration("…")` or `@"…"`; constant ones fold. */
export function compileDateTimeLiteral(
  cx: CompileContext,
  node: SyntaxNode,
  parts: SyntaxNode[],
): Compiled {
  const [head, params] = parts
  if (head?.name === 'AtLiteral') return atLiteral(cx, head)
  if (head?.name !== 'DateTimeConstructor') throw new Unsupported(node, 'temporal literal')
  const name = cx.source.slice(head.from, head.to).replace(/\s+/g, ' ')
  const builtin = BUILTINS.get(name)
  if (builtin === undefined) throw new Unsupported(head, `function ${name}()`)
  const args = argumentList(cx, params)
  const constants = args.map(constantOf)
  if (constants.every((arg) => arg !== undefined)) {
    const folded = foldCall(
      builtin,
      constants.map((arg) => arg?.value),
    )
    if (!(folded instanceof Rejected)) return constant(folded, 'date')
  }
  return {
    run: (env) =>
      invoke(
        env,
        node,
        builtin,
        args.map((arg) => arg(env)),
      ),
    type: 'date',
  }
}

/** A constant call run once; one that defers (`date("-1-01-01")`) runs per evaluation instead. */
function foldCall(builtin: Builtin, args: unknown[]): unknown {
  try {
    return builtin(args)
  } catch (error: unknown) {
    if (error instanceof NeedsInterpreter) return new Rejected('INVALID_ARGUMENTS', error.message)
    throw error
  }
}

function argumentList(cx: CompileContext, params: SyntaxNode | undefined): Run[] {
  if (params === undefined) return []
  if (params.name !== 'PositionalParameters') throw new Unsupported(params, 'named parameters')
  return operands(params).map((param) => cx.compile(param).run)
}

function invoke(env: Env, node: SyntaxNode, builtin: Builtin, args: unknown[]): unknown {
  const result = builtin(args)
  if (!(result instanceof Rejected)) return result
  warn(env, result.warning, result.message, node)
  return null
}

const TIME_START = /^\d{1,2}:\d{1,2}:\d{1,2}/

function atLiteral(cx: CompileContext, node: SyntaxNode): Compiled {
  const literal = node.children[0]
  if (literal?.name !== 'StringLiteral') throw new Unsupported(node, '@ literal')
  const text = unescapeString(literal, cx.source.slice(literal.from, literal.to))
  if (TIME_START.test(text)) throw new Unsupported(node, 'time literal')
  const isDuration = /^-?P/.test(text)
  if (!isDuration && text.startsWith('-')) throw new Unsupported(node, 'negative date')
  const value = isDuration
    ? duration(text)
    : text.includes('T')
      ? parseDateTime(text)
      : parseDate(text)
  if (value !== null) return constant(value, 'date')
  const run = (env: Env): null => {
    warn(env, 'INVALID_ARGUMENTS', `@"${text}" is not a valid temporal literal`, node)
    return null
  }
  return { run, type: 'date' }
}
