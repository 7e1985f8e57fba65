import { add, divide, multiply, power, subtract } from '../decimal.js'
import { numberOf, unescapeString } from '../strings.js'
import { operands } from '../syntax-tree.js'
import type { SyntaxNode } from '../syntax-tree.js'
import { emitCall, emitDateLiteral } from './emit-call.js'
import { emitComparison } from './emit-compare.js'
import { literal, materialise, NotGenerated, readVariable } from './emitter.js'
import type { Emitter, Kind, Value } from './emitter.js'

/** The statements computing one node; returns the expression that holds its value. */
export function emitNode(e: Emitter, node: SyntaxNode): Value {
  const parts = operands(node)
  switch (node.name) {
    case 'Expression':
    case 'ParenthesizedExpression':
      return emitNode(e, only(parts))
    case 'NumericLiteral':
      return literal(e.fn, numberOf(e.text(node)))
    case 'StringLiteral':
      return literal(e.fn, unescapeString(node, e.text(node)))
    case 'BooleanLiteral':
      return literal(e.fn, e.text(node) === 'true')
    case 'null':
      return literal(e.fn, null)
    case 'VariableName':
      return readVariable(e, node)
    case 'Conjunction':
    case 'Disjunction':
      return emitLogic(e, node, parts)
    case 'ArithmeticExpression':
      return emitArithmetic(e, parts)
    case 'IfExpression':
      return emitIf(e, parts)
    case 'Comparison':
      return emitComparison(e, node)
    case 'FunctionInvocation':
      return emitCall(e, parts)
    case 'DateTimeLiteral':
      return emitDateLiteral(e, parts)
    default:
      throw new NotGenerated(node.name)
  }
}

function only(parts: SyntaxNode[]): SyntaxNode {
  const [first] = parts
  if (first === undefined || parts.length !== 1) throw new NotGenerated('expression')
  return first
}

/** Three-valued, both sides always evaluated (as feelin and the closures do). */
function emitLogic(e: Emitter, node: SyntaxNode, parts: SyntaxNode[]): Value {
  const [leftNode, rightNode] = parts.filter((part) => part.name !== 'and' && part.name !== 'or')
  if (leftNode === undefined || rightNode === undefined) throw new NotGenerated(node.name)
  const a = emitNode(e, leftNode).code
  const b = emitNode(e, rightNode).code
  const [wins, other] = node.name === 'Conjunction' ? ['false', 'true'] : ['true', 'false']
  const t = e.temp()
  e.line(
    `const ${t} = ${a} === ${wins} || ${b} === ${wins} ? ${wins} : ` +
      `${a} === ${other} && ${b} === ${other} ? ${other} : null;`,
  )
  return { code: t, kind: 'bool3' }
}

const NUMERIC: Record<string, { name: string; run: (a: number, b: number) => number | null }> = {
  '+': { name: 'add', run: add },
  '-': { name: 'subtract', run: subtract },
  '*': { name: 'multiply', run: multiply },
  '/': { name: 'divide', run: divide },
  '**': { name: 'power', run: power },
}

/** Exact decimal arithmetic (decimal.ts); constant operands are computed once, here. */
function emitArithmetic(e: Emitter, parts: SyntaxNode[]): Value {
  const opNode = parts.find((part) => part.name === 'ArithOp')
  const valueNodes = parts.filter((part) => part.name !== 'ArithOp')
  if (opNode === undefined || valueNodes.length === 0) throw new NotGenerated('arithmetic')
  const op = e.text(opNode) === '^' ? '**' : e.text(opNode)
  const numeric = NUMERIC[op]
  if (numeric === undefined) throw new NotGenerated(`operator ${op}`)
  const [leftNode, rightNode] = valueNodes.length === 2 ? valueNodes : [undefined, valueNodes[0]]
  if (rightNode === undefined) throw new NotGenerated('arithmetic')
  const a = leftNode === undefined ? literal(e.fn, 0) : materialise(e, emitNode(e, leftNode))
  const b = materialise(e, emitNode(e, rightNode))
  const x = a.constant?.value
  const y = b.constant?.value
  if (typeof x === 'number' && typeof y === 'number') return literal(e.fn, numeric.run(x, y))
  const t = e.temp()
  const call = `${numeric.name}(${a.code}, ${b.code})`
  const kind: Kind = op === '/' ? 'num?' : 'number'
  if (a.kind === 'number' && b.kind === 'number') {
    e.line(`const ${t} = ${call};`)
    return { code: t, kind }
  }
  const numbers = [a, b]
    .filter((v) => v.kind !== 'number')
    .map((v) => `typeof ${v.code} === 'number'`)
  e.line(`let ${t};`)
  e.line(`if (${numbers.join(' && ')}) ${t} = ${call};`)
  // other operands: string + string, or null with a warning (strict mode leaves both to closures)
  e.line(
    `else { if (strict) ${e.deferStatement} ${t} = arithmetic(${JSON.stringify(op)}, ${a.code}, ${b.code}); }`,
  )
  e.line(`if (${t} === DEFER) ${e.deferStatement}`)
  return { code: t, kind: op === '+' ? 'any' : 'num?' }
}

/** Only the chosen branch runs; `if` takes anything but false and null as true, as feelin. */
function emitIf(e: Emitter, parts: SyntaxNode[]): Value {
  const [condNode, thenNode, elseNode] = parts.filter(
    (part) => part.name !== 'if' && part.name !== 'then' && part.name !== 'else',
  )
  if (condNode === undefined || thenNode === undefined || elseNode === undefined) {
    throw new NotGenerated('if')
  }
  const cond = emitNode(e, condNode).code
  const t = e.temp()
  e.line(`let ${t};`)
  e.line(`if (${cond} !== false && ${cond} !== null) {`)
  const then = materialise(e, emitNode(e, thenNode))
  e.line(`${t} = ${then.code}; } else {`)
  const otherwise = materialise(e, emitNode(e, elseNode))
  e.line(`${t} = ${otherwise.code}; }`)
  const kind = then.kind === otherwise.kind && then.kind !== 'date' ? then.kind : 'any'
  return { code: t, kind }
}
