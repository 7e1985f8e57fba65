import { FEELIN_BUILTIN_NAMES, longerNames, nameOf, normalizeKey } from '../names.js'
import type { SyntaxNode } from '../syntax-tree.js'

/**
 * What generated code knows about a value before running: its possible runtime types. `date` is
 * a constant FEEL date; `bool3` true, false or null; `num?` a number or null; `any` a context
 * value not yet looked at (never undefined: missing names read as null).
 */
export type Kind = 'number' | 'string' | 'boolean' | 'null' | 'bool3' | 'num?' | 'date' | 'any'

export type Value = {
  /** A JavaScript expression without side effects: a temporary, a literal or a constant. */
  readonly code: string
  readonly kind: Kind
  readonly constant?: { readonly value: unknown }
  /** A context entry declared as ISO dates and not yet converted (see materialise). */
  isoName?: boolean
}

/** Raised for constructs or shapes the generator leaves to the closures. */
export class NotGenerated extends Error {
  constructor(readonly construct: string) {
    super(`not generated: ${construct}`)
    this.name = 'NotGenerated'
  }
}

/** One generated function: its constants and what its prologue checks for every fragment. */
export class FunctionBuilder {
  readonly constants: unknown[] = []
  readonly longerNames = new Set<string>()
  readonly builtins = new Set<string>()
  private temps = 0

  temp(): string {
    return `t${this.temps++}`
  }

  /** Undoes what a fragment added when it turns out not to be generated. */
  checkpoint(): () => void {
    const constants = this.constants.length
    const longer = new Set(this.longerNames)
    const builtins = new Set(this.builtins)
    return () => {
      this.constants.length = constants
      this.longerNames.clear()
      for (const name of longer) this.longerNames.add(name)
      this.builtins.clear()
      for (const name of builtins) this.builtins.add(name)
    }
  }

  /** A non-literal constant (a FEEL date, NaN) as `C[i]`; nothing of it enters the source. */
  constant(value: unknown): string {
    this.constants.push(value)
    return `C[${this.constants.length - 1}]`
  }
}

/** Emits the statements of one expression; `deferStatement` leaves it with DEFER. */
export class Emitter {
  readonly lines: string[] = []

  constructor(
    readonly fn: FunctionBuilder,
    readonly source: string,
    readonly isoDates: ReadonlySet<string>,
    readonly deferStatement: string,
  ) {}

  line(code: string): void {
    this.lines.push(code)
  }

  /**
   * Where the closures would add a warning: in strict mode (tryEvaluate and evaluate, which
   * return warnings) the generated code defers so the closures report it.
   */
  warns(): void {
    this.line(`if (strict) ${this.deferStatement}`)
  }

  temp(): string {
    return this.fn.temp()
  }

  text(node: SyntaxNode): string {
    return this.source.slice(node.from, node.to)
  }
}

/** A string as a JavaScript literal: JSON escaping leaves no way out of the quotes. */
export function stringLiteral(text: string): string {
  return JSON.stringify(text)
}

/** A number as a JavaScript literal; non-finite values go through the constants. */
export function numberLiteral(fn: FunctionBuilder, n: number): string {
  if (!Number.isFinite(n)) return fn.constant(n)
  if (Object.is(n, -0)) return '(-0)'
  const text = String(n)
  if (!/^-?[0-9.e+-]+$/.test(text)) throw new NotGenerated(`number ${text}`)
  return n < 0 ? `(${text})` : text
}

/** A constant value of a primitive kind as a literal Value. */
export function literal(fn: FunctionBuilder, value: unknown): Value {
  if (value === null) return { code: 'null', kind: 'null', constant: { value } }
  if (typeof value === 'number') {
    return { code: numberLiteral(fn, value), kind: 'number', constant: { value } }
  }
  if (typeof value === 'string') {
    return { code: stringLiteral(value), kind: 'string', constant: { value } }
  }
  if (typeof value === 'boolean')
    return { code: String(value), kind: 'boolean', constant: { value } }
  throw new NotGenerated(`constant of type ${typeof value}`)
}

/**
 * A context variable: exact key, then feelin's whitespace-insensitive match, else null; a
 * missing built-in name or a function value defers (the closures do the same).
 */
export function readVariable(e: Emitter, node: SyntaxNode): Value {
  const name = nameOf(e.source, node)
  if (name in Object.prototype) throw new NotGenerated(`name ${name}`)
  for (const longer of longerNames(e.source, node)) {
    if (longer in Object.prototype) throw new NotGenerated(`name ${longer}`)
    e.fn.longerNames.add(longer)
  }
  const t = e.temp()
  e.line(`let ${t} = ctx[${stringLiteral(name)}];`)
  if (FEELIN_BUILTIN_NAMES.has(name)) e.line(`if (${t} === undefined) ${e.deferStatement}`)
  else {
    const loose = `${t} = looseEntry(ctx, ${stringLiteral(normalizeKey(name))});`
    e.line(
      `if (${t} === undefined) { ${loose} if (${t} === undefined) { if (strict) ${e.deferStatement} ${t} = null; } }`,
    )
  }
  e.line(`if (typeof ${t} === 'function') ${e.deferStatement}`)
  return { code: t, kind: 'any', isoName: e.isoDates.has(name) }
}

/** A declared ISO-date entry read as the closures read it: a YYYY-MM-DD string becomes a date. */
export function materialise(e: Emitter, value: Value): Value {
  if (value.isoName !== true) return value
  e.line(`${value.code} = asIsoDate(${value.code});`)
  return { code: value.code, kind: value.kind }
}

export type RuntimeType = 'number' | 'string' | 'boolean' | 'null' | 'date'

const POSSIBLE: Record<Kind, readonly RuntimeType[]> = {
  number: ['number'],
  string: ['string'],
  boolean: ['boolean'],
  null: ['null'],
  bool3: ['boolean', 'null'],
  'num?': ['number', 'null'],
  date: ['date'],
  any: ['number', 'string', 'boolean', 'null', 'date'],
}

const TEST: Record<RuntimeType, (code: string) => string> = {
  number: (code) => `typeof ${code} === 'number'`,
  string: (code) => `typeof ${code} === 'string'`,
  boolean: (code) => `typeof ${code} === 'boolean'`,
  null: (code) => `${code} === null`,
  date: (code) => `${code} instanceof FeelDate`,
}

/**
 * Runs the statements of the branch for the value's runtime type; a type without a branch, and
 * for `any` every other value (lists, contexts, other objects), defers.
 */
export function dispatch(
  e: Emitter,
  value: Value,
  branches: Partial<Record<RuntimeType, string>>,
): void {
  e.line(dispatchCode(e, value, branches))
}

export function dispatchCode(
  e: Emitter,
  value: Value,
  branches: Partial<Record<RuntimeType, string>>,
): string {
  const possible = POSSIBLE[value.kind]
  const only = possible.length === 1 ? possible[0] : undefined
  if (only !== undefined && value.kind !== 'any') return `{ ${branches[only] ?? e.deferStatement} }`
  const arms = possible.flatMap((type) => {
    const body = branches[type]
    return body === undefined ? [] : [{ test: TEST[type](value.code), body }]
  })
  const exhaustive = value.kind !== 'any' && arms.length === possible.length
  const last = exhaustive ? arms.pop()?.body : e.deferStatement
  const chain = arms.map(({ test, body }) => `if (${test}) { ${body} }`)
  return [...chain, `{ ${last ?? e.deferStatement} }`].join(' else ')
}
