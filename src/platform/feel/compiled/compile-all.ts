import type { CompiledFeelAll, CompiledFeelExpression } from '../types.js'
import { generateAll } from './codegen/generate.js'
import type { GeneratedPart, SlowValue } from './codegen/generate.js'
import { internals } from './compiled-expression.js'
import type { FeelContext } from './values.js'

/**
 * Conditions compiled by compileFeel, evaluated as one: the generated code of each runs inside
 * one JavaScript function with the per-context checks made once, so V8 can inline a whole
 * policy. A condition the generator does not cover, or that defers for a context, runs its
 * closures (then the interpreter) instead; the answer is the same either way.
 */
export function compileFeelAll(conditions: readonly CompiledFeelExpression[]): CompiledFeelAll {
  const parts: (GeneratedPart | null)[] = []
  const slow: SlowValue[] = []
  for (const condition of conditions) {
    const inner = internals.get(condition)
    parts.push(inner?.part ?? null)
    slow.push(inner?.slowValue ?? valueOf(condition))
  }
  const fallback = slowAll(slow)
  const all = combined(parts, slow) ?? fallback
  return {
    evaluate: (context) => {
      try {
        return all(context)
      } catch {
        return fallback(context)
      }
    },
  }
}

function combined(parts: (GeneratedPart | null)[], slow: SlowValue[]) {
  if (parts.every((part) => part === null)) return null
  try {
    return generateAll(parts, slow)
  } catch {
    return null
  }
}

function valueOf(condition: CompiledFeelExpression): SlowValue {
  return (context) => {
    const value = condition.evaluateValue(context)
    if (value !== undefined) return value
    const result = condition.evaluate(context)
    return result.ok ? result.value : null
  }
}

function slowAll(slow: readonly SlowValue[]): (context: FeelContext) => boolean | null {
  return (context) => {
    let undecided = false
    for (const value of slow) {
      const result = value(context)
      if (result === false) return false
      if (result !== true) undecided = true
    }
    return undecided ? null : true
  }
}
