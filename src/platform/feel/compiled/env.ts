import type { FeelWarning } from '../types.js'
import type { SyntaxNode } from './syntax-tree.js'
import type { FeelContext } from './values.js'

/** Where warnings go: the result's list, or nowhere when only the value is wanted. */
export type WarningSink = { push(warning: FeelWarning): unknown }

export const NO_WARNINGS: WarningSink = { push: () => 0 }

/** Variables visible at one point: the caller's context, then iteration variables on top. */
export type Env = {
  readonly vars: FeelContext
  readonly parent: Env | null
  readonly warnings: WarningSink
}

export type Run = (env: Env) => unknown

/**
 * feelin's static tag for a node ('number', 'test', 'any' …). A filter `xs[…]` picks index,
 * equality or per-item mode from it, so the compiler tracks the same tags.
 */
export type StaticType = string | undefined

export type Compiled = { readonly run: Run; readonly type: StaticType }

export type CompileContext = {
  readonly source: string
  /** Context entries holding dates as YYYY-MM-DD strings (compileFeel's `isoDates`). */
  readonly isoDates: ReadonlySet<string>
  /** Compiles a child node; throws Unsupported for constructs the compiler does not handle. */
  compile(node: SyntaxNode): Compiled
}

/** Raised at compile time; becomes `{ kind: 'unsupported' }` and the interpreter runs instead. */
export class Unsupported extends Error {
  constructor(
    readonly node: SyntaxNode,
    readonly construct: string,
  ) {
    super(`FEEL construct not compiled: ${construct}`)
    this.name = 'Unsupported'
  }
}

export function child(env: Env, vars: FeelContext): Env {
  return { vars, parent: env, warnings: env.warnings }
}

export function warn(env: Env, type: string, message: string, node: SyntaxNode): void {
  env.warnings.push({ type, message, offset: node.from })
}

const constants = new WeakMap<Run, { value: unknown }>()

export function constant(value: unknown, type: StaticType): Compiled {
  const run: Run = () => value
  constants.set(run, { value })
  return { run, type }
}

/** The value of a literal, so constant calls like date("2024-01-01") run once at compile time. */
export function constantOf(run: Run): { value: unknown } | undefined {
  return constants.get(run)
}
