import { compileFeel } from './compiled/compile-feel.js'
import { interpret } from './interpret.js'
import type { CompiledFeel, FeelKind, FeelParseResult } from './types.js'

/**
 * Syntax-checks FEEL source and returns an evaluable expression, or the first syntax
 * error with its 1-based line/column. Parsing is context-free; evaluation is not.
 *
 * The expression runs as compiled closures. FEEL the compiler reports unsupported (user
 * functions, `instance of`, time values, rarer built-ins — see README.md) runs on the feelin
 * interpreter instead, so everything that evaluated before still does.
 */
export function parseFeelExpression(
  source: string,
  kind: FeelKind = 'expression',
): FeelParseResult {
  const result = compileFeel(source, kind)
  if (result.ok) {
    const { compiled } = result
    return {
      ok: true,
      expression: {
        source,
        kind,
        evaluate: (context) => compiled.evaluate(context),
        evaluateValue: (context) => compiled.evaluateValue(context),
      },
    }
  }
  if (result.error.kind === 'syntax') return { ok: false, error: result.error }
  return { ok: true, expression: interpreted(source, kind) }
}

function interpreted(source: string, kind: FeelKind): CompiledFeel {
  return {
    source,
    kind,
    evaluate: (context) => interpret(source, kind, context),
    evaluateValue: () => undefined,
  }
}
