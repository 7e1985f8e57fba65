import { interpret } from '../interpret.js'
import type { CompiledFeelExpression, FeelKind, FeelResult, FeelWarning } from '../types.js'
import { NeedsInterpreter } from './bailout.js'
import { DEFER } from './codegen/runtime.js'
import type { GeneratedPart, GeneratedRun, SlowValue } from './codegen/generate.js'
import { NO_WARNINGS } from './env.js'
import type { Run } from './env.js'
import { asIsoDate } from './iso-date.js'
import type { FeelContext } from './values.js'

export type ExpressionParts = {
  readonly source: string
  readonly kind: FeelKind
  readonly run: Run
  /** Keys that would make feelin parse the source differently (names.ts longerNames). */
  readonly longerNames: readonly string[]
  readonly isoDates: ReadonlySet<string>
  /** Generated JavaScript (value or DEFER) for this evaluation, or null for none (yet). */
  readonly generated: () => GeneratedRun | null
  /** What compileFeelAll needs to generate this expression inside a combined function. */
  readonly part: GeneratedPart
}

/** What compileFeelAll reads of each compiled expression (kept out of the public type). */
export const internals = new WeakMap<
  CompiledFeelExpression,
  { part: GeneratedPart; slowValue: SlowValue }
>()

/**
 * The three ways to evaluate: generated code, closures, the interpreter. Each falls to the next
 * for inputs it does not model (tryEvaluate and evaluate also wherever a warning is due, which
 * only the closures report), so every way gives feelin's answer.
 */
export function compiledExpression(parts: ExpressionParts): CompiledFeelExpression {
  const { source, kind, run, longerNames, isoDates, generated } = parts
  const parseable = (context: FeelContext): boolean => {
    for (let i = 0; i < longerNames.length; i++) {
      if (Object.hasOwn(context, longerNames[i] as string)) return false
    }
    return true
  }
  const tryEvaluate = (context: FeelContext): FeelResult | null => {
    const code = generated()
    const value = code === null ? DEFER : generatedValue(code, context, true)
    if (value !== DEFER) return { ok: true, value, warnings: [] }
    if (!parseable(context)) return null
    try {
      const warnings: FeelWarning[] = []
      const value = run({ vars: context, parent: null, warnings })
      return typeof value === 'function' ? null : { ok: true, value, warnings }
    } catch (error: unknown) {
      if (error instanceof NeedsInterpreter) return null
      throw error
    }
  }
  const closureValue = (context: FeelContext): unknown => {
    if (!parseable(context)) return undefined
    try {
      const value = run({ vars: context, parent: null, warnings: NO_WARNINGS })
      return typeof value === 'function' ? undefined : value
    } catch {
      // NeedsInterpreter, or an unexpected error that evaluate hands to the interpreter
      return undefined
    }
  }
  const evaluateValue = (context: FeelContext): unknown => {
    const code = generated()
    const value = code === null ? DEFER : generatedValue(code, context, false)
    return value === DEFER ? closureValue(context) : value
  }
  // an unexpected error in compiled code must not fail a submission: the interpreter decides
  const evaluate = (context: FeelContext): FeelResult => {
    try {
      return tryEvaluate(context) ?? interpret(source, kind, withDates(context, isoDates))
    } catch {
      return interpret(source, kind, withDates(context, isoDates))
    }
  }
  const compiled = { evaluate, tryEvaluate, evaluateValue }
  const slowValue = (context: FeelContext): unknown => {
    const value = closureValue(context)
    if (value !== undefined) return value
    const result = evaluate(context)
    return result.ok ? result.value : null
  }
  internals.set(compiled, { part: parts.part, slowValue })
  return compiled
}

/** Generated code's value; an unexpected error there leaves the evaluation to the closures. */
function generatedValue(run: GeneratedRun, context: FeelContext, strict: boolean): unknown {
  try {
    return run(context, strict)
  } catch {
    return DEFER
  }
}

/** The context as the interpreter must see it: declared ISO-date entries as FEEL dates. */
function withDates(context: FeelContext, isoDates: ReadonlySet<string>): FeelContext {
  let copy: FeelContext | null = null
  for (const name of isoDates) {
    const value = context[name]
    if (!Object.hasOwn(context, name) || typeof value !== 'string') continue
    const date = asIsoDate(value)
    if (date === value) continue
    copy ??= { ...context }
    copy[name] = date
  }
  return copy ?? context
}
