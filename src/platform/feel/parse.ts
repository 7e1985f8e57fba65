import { interpret } from './interpret.js'
import { findSyntaxError } from './syntax-check.js'
import type { CompiledFeel, FeelKind, FeelParseResult } from './types.js'

/**
 * Syntax-checks FEEL source and returns an evaluable expression, or the first syntax
 * error with its 1-based line/column. Parsing is context-free; evaluation is not.
 */
export function parseFeelExpression(
  source: string,
  kind: FeelKind = 'expression',
): FeelParseResult {
  const error = findSyntaxError(source, kind)
  if (error !== null) return { ok: false, error }
  return { ok: true, expression: compiled(source, kind) }
}

function compiled(source: string, kind: FeelKind): CompiledFeel {
  return {
    source,
    kind,
    evaluate: (context) => interpret(source, kind, context),
  }
}
