import { FeelDate, parseDate } from 'feelin'
import { NeedsInterpreter } from '../bailout.js'
import { BUILTINS } from '../builtins.js'
import { nameOf } from '../names.js'
import { unescapeString } from '../strings.js'
import { operands } from '../syntax-tree.js'
import type { SyntaxNode } from '../syntax-tree.js'
import { dispatchCode, literal, materialise, NotGenerated } from './emitter.js'
import type { Emitter, Value } from './emitter.js'
import { emitNode } from './emit-node.js'

type CallEmitter = (e: Emitter, t: string, args: Value[]) => string

const STRING_TESTS: Record<string, string> = {
  'starts with': 'startsWith',
  'ends with': 'endsWith',
  contains: 'includes',
}

/**
 * The built-ins generated inline, each with its argument count. Their type checks follow
 * signature.ts: a null where a string or list is required makes the call null; values the
 * closures would convert or reject first (one-element lists, dates as strings) defer.
 */
const CALLS: Record<string, { arity: number; emit: CallEmitter }> = {
  not: { arity: 1, emit: negation },
  'list contains': { arity: 2, emit: listContains },
  count: { arity: 1, emit: count },
  ...Object.fromEntries(
    Object.entries(STRING_TESTS).map(([name, method]) => [
      name,
      { arity: 2, emit: stringTest(method) },
    ]),
  ),
}

/** A built-in called by name; the prologue checks that no context entry shadows it. */
export function emitCall(e: Emitter, parts: SyntaxNode[]): Value {
  const [callee, params] = parts
  if (callee?.name !== 'VariableName') throw new NotGenerated('call')
  const name = nameOf(e.source, callee)
  const call = CALLS[name]
  const argNodes = params === undefined ? [] : operands(params)
  if (call === undefined || params?.name !== 'PositionalParameters') {
    throw new NotGenerated(`call of ${name}`)
  }
  if (argNodes.length !== call.arity) throw new NotGenerated(`${name} with ${argNodes.length} args`)
  e.fn.builtins.add(name)
  const args = argNodes.map((node) => emitNode(e, node))
  const t = e.temp()
  e.line(`let ${t};`)
  e.line(call.emit(e, t, args))
  return { code: t, kind: name === 'count' ? 'num?' : 'bool3' }
}

function negation(e: Emitter, t: string, [value]: Value[]): string {
  if (value === undefined) throw new NotGenerated('not')
  const nonBoolean = `${t} = null;`
  return dispatchCode(e, value, {
    boolean: `${t} = !${value.code};`,
    null: nonBoolean,
    number: nonBoolean,
    string: nonBoolean,
    date: nonBoolean,
  })
}

/** `===` over the list, as feelin; a FEEL date or other object as the element defers. */
function listContains(e: Emitter, t: string, [list, element]: Value[]): string {
  if (list === undefined || element === undefined) throw new NotGenerated('list contains')
  const item = materialise(e, element).code
  const l = `(${list.code})`
  const search =
    `if (typeof ${item} === 'object' && ${item} !== null) ${e.deferStatement} ` +
    `${t} = false; for (let i = 0; i < ${l}.length; i++) ` +
    `{ if (${l}[i] === ${item}) { ${t} = true; break; } }`
  return `if (isArray(${l})) { ${search} } else if (${l} === null) { ${t} = null; } else { ${e.deferStatement} }`
}

/** A list's length; null is null and any other value a list of one, as feelin counts. */
function count(_e: Emitter, t: string, [list]: Value[]): string {
  if (list === undefined) throw new NotGenerated('count')
  const v = `(${list.code})`
  return `${t} = isArray(${v}) ? ${v}.length : ${v} === null ? null : 1;`
}

function stringTest(method: string): CallEmitter {
  return (e, t, [text, match]) => {
    if (text === undefined || match === undefined) throw new NotGenerated(method)
    const s = materialise(e, text)
    const m = materialise(e, match)
    const inner = dispatchCode(e, m, {
      string: `${t} = (${s.code}).${method}(${m.code});`,
      null: `${t} = null;`,
    })
    return dispatchCode(e, s, { string: inner, null: `${t} = null;` })
  }
}

/** `date("2024-01-01")` and `@"2024-01-01"` as constants (the closures fold them the same). */
export function emitDateLiteral(e: Emitter, parts: SyntaxNode[]): Value {
  const [head, params] = parts
  if (head?.name === 'AtLiteral') return atDate(e, head)
  if (head?.name !== 'DateTimeConstructor' || e.text(head) !== 'date') {
    throw new NotGenerated('temporal literal')
  }
  const [arg, ...more] = params === undefined ? [] : operands(params)
  if (params?.name !== 'PositionalParameters' || arg?.name !== 'StringLiteral' || more.length > 0) {
    throw new NotGenerated('date()')
  }
  const text = unescapeString(arg, e.text(arg))
  let folded: unknown
  try {
    folded = BUILTINS.get('date')?.([text])
  } catch (error: unknown) {
    if (error instanceof NeedsInterpreter) throw new NotGenerated('date()')
    throw error
  }
  if (folded instanceof FeelDate) return dateValue(e, folded)
  e.warns()
  return literal(e.fn, null)
}

function atDate(e: Emitter, node: SyntaxNode): Value {
  const stringNode = node.children[0]
  if (stringNode?.name !== 'StringLiteral') throw new NotGenerated('@ literal')
  const text = unescapeString(stringNode, e.text(stringNode))
  if (/^-|^-?P|T|^\d{1,2}:/.test(text)) throw new NotGenerated('@ literal')
  const date = parseDate(text)
  if (date !== null) return dateValue(e, date)
  e.warns()
  return literal(e.fn, null)
}

function dateValue(e: Emitter, date: FeelDate): Value {
  return { code: e.fn.constant(date), kind: 'date', constant: { value: date } }
}
