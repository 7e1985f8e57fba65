import { Unsupported } from '../env.js'
import type { FeelKind } from '../../types.js'
import type { SyntaxNode } from '../syntax-tree.js'
import type { FeelContext } from '../values.js'
import { Emitter, FunctionBuilder, materialise, NotGenerated, stringLiteral } from './emitter.js'
import { emitUnaryTests } from './emit-in.js'
import { emitNode } from './emit-node.js'
import { DEFER, RUNTIME } from './runtime.js'

/** One source to generate: its kind, syntax tree and the entries declared as ISO dates. */
export type GeneratedPart = {
  readonly source: string
  readonly kind: FeelKind
  readonly root: SyntaxNode
  readonly isoDates: ReadonlySet<string>
}

/** The value of one condition when the generated code defers or was not generated. */
export type SlowValue = (context: FeelContext) => unknown

type Fragment = { lines: string[]; value: string }

/**
 * One expression's value, or DEFER. Strict: also DEFER wherever the closures would warn, so a
 * value comes with no warnings (what tryEvaluate needs); otherwise null as the closures give it.
 */
export type GeneratedRun = (context: FeelContext, strict: boolean) => unknown

/**
 * One expression as a JavaScript function (`new Function`); null when the expression uses
 * constructs the generator leaves to the closures.
 */
export function generateExpression(part: GeneratedPart): GeneratedRun | null {
  const fn = new FunctionBuilder()
  const fragment = emitFragment(fn, part, 'return DEFER;')
  if (fragment === null) return null
  const body = [...prologue(fn, 'return DEFER;'), ...fragment.lines, `return ${fragment.value};`]
  return build(fn, body, [])
}

/**
 * Conditions as one function with FEEL's `and` over separate conditions: false as soon as one is
 * false, true when all are true, else null. A condition that was not generated, or defers for
 * this context, runs through its `slow` value instead.
 */
export function generateAll(
  parts: readonly (GeneratedPart | null)[],
  slow: readonly SlowValue[],
): (context: FeelContext) => boolean | null {
  const fn = new FunctionBuilder()
  const body = ['let undecided = false;', 'let r;']
  parts.forEach((part, i) => {
    const label = `c${i}`
    const fragment = part === null ? null : emitFragment(fn, part, `{ r = DEFER; break ${label}; }`)
    if (fragment === null) body.push(`r = S[${i}](ctx);`)
    else {
      body.push(`${label}: { ${fragment.lines.join('\n')}\nr = ${fragment.value}; }`)
      body.push(`if (r === DEFER) r = S[${i}](ctx);`)
    }
    body.push('if (r === false) return false;', 'if (r !== true) undecided = true;')
  })
  body.push('return undecided ? null : true;')
  const all = build(fn, [...prologue(fn, 'return slowAll(ctx);'), ...body], slow)
  return (context) => all(context, false) as boolean | null
}

function emitFragment(fn: FunctionBuilder, part: GeneratedPart, defer: string): Fragment | null {
  const e = new Emitter(fn, part.source, part.isoDates, defer)
  const undo = fn.checkpoint()
  try {
    const value =
      part.kind === 'unaryTests'
        ? emitUnaryTests(e, part.root)
        : materialise(e, emitNode(e, part.root))
    return { lines: e.lines, value: value.code }
  } catch (error: unknown) {
    undo()
    if (error instanceof NotGenerated || error instanceof Unsupported) return null
    throw error
  }
}

/**
 * What the closures check per evaluation before reading names: a plain context, no key that
 * would make feelin parse a longer name, no entry that shadows a called built-in.
 */
function prologue(fn: FunctionBuilder, fail: string): string[] {
  const lines = [
    'const proto = getPrototypeOf(ctx);',
    `if (proto !== OBJECT_PROTOTYPE && proto !== null) ${fail}`,
  ]
  const longer = [...fn.longerNames].map((name) => `${stringLiteral(name)} in ctx`)
  if (longer.length > 0) lines.push(`if (${longer.join(' || ')}) ${fail}`)
  if (fn.builtins.size > 0) {
    const firsts = new Uint8Array(128)
    for (const name of fn.builtins) firsts[name.charCodeAt(0)] = 1
    const exact = [...fn.builtins].map((name) => `ctx[${stringLiteral(name)}] !== undefined`)
    lines.push(`if (${exact.join(' || ')} || mayShadow(ctx, ${fn.constant(firsts)})) ${fail}`)
  }
  return lines
}

type Factory = (
  runtime: typeof RUNTIME,
  constants: readonly unknown[],
  slow: readonly SlowValue[],
) => GeneratedRun

/**
 * Compiles the statements. Safe by construction: names and strings enter the source only as
 * JSON string literals, numbers only as validated numeric literals, any other constant as C[i].
 */
function build(fn: FunctionBuilder, body: string[], slow: readonly SlowValue[]) {
  const helpers = Object.keys(RUNTIME).join(', ')
  const source = [
    `'use strict';`,
    `const { ${helpers} } = H;`,
    'const slowAll = (ctx) => {',
    '  let undecided = false;',
    '  for (const value of S) { const r = value(ctx); if (r === false) return false; if (r !== true) undecided = true; }',
    '  return undecided ? null : true;',
    '};',
    'return function feel(ctx, strict) {',
    ...body,
    '};',
  ].join('\n')
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see above: no raw text of the source
  const factory = new Function('H', 'C', 'S', source) as Factory
  return factory(RUNTIME, fn.constants, slow)
}

export { DEFER }
