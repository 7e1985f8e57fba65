import { parseFeelExpression } from './parse.js'
import type { FeelKind, FeelParseResult, FeelResult } from './types.js'

const CACHE_LIMIT = 500
const cache = new Map<string, FeelParseResult>()

/**
 * Compiles (memoised, bounded) and evaluates FEEL; syntax and runtime errors come back as values.
 * Unsupported constructs fall back to the feelin interpreter inside parseFeelExpression.
 */
export function evaluateFeel(
  source: string,
  context: Record<string, unknown>,
  kind: FeelKind = 'expression',
): FeelResult {
  const parsed = cachedParse(source, kind)
  if (!parsed.ok) return { ok: false, error: parsed.error }
  return parsed.expression.evaluate(context)
}

/**
 * Evaluates a gateway / bundle condition. Returns true or false only when the expression
 * yields a boolean; returns null for a FEEL null (e.g. a missing variable in `x > 3`), for any
 * non-boolean value and for syntax or runtime errors. The caller decides what null means
 * (typically "condition not met" or "route to manual review"); use evaluateFeel to see why.
 */
export function evaluateCondition(
  source: string,
  context: Record<string, unknown>,
): boolean | null {
  const parsed = cachedParse(source, 'expression')
  if (!parsed.ok) return null
  let value = parsed.expression.evaluateValue(context)
  if (value === undefined) {
    const result = parsed.expression.evaluate(context)
    value = result.ok ? result.value : null
  }
  return typeof value === 'boolean' ? value : null
}

function cachedParse(source: string, kind: FeelKind): FeelParseResult {
  const key = `${kind}\u0000${source}`
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  const parsed = parseFeelExpression(source, kind)
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? key)
  cache.set(key, parsed)
  return parsed
}
