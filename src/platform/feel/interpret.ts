import { evaluate, unaryTest } from 'feelin'
import type { EvaluationResult } from 'feelin'
import { positionAt, snippetAt } from './position.js'
import type { FeelKind, FeelResult, FeelRuntimeError, FeelWarning } from './types.js'

/**
 * Runs FEEL through feelin's tree-walking interpreter (re-parses per call). The compiler
 * (compiled/) falls back to it for unsupported constructs and deferred inputs. Never throws.
 */
export function interpret(
  source: string,
  kind: FeelKind,
  context: Record<string, unknown>,
): FeelResult {
  try {
    const used = mentioned(source, context)
    const result = kind === 'unaryTests' ? unaryTest(source, used) : evaluate(source, used)
    return { ok: true, value: result.value, warnings: toWarnings(result) }
  } catch (error: unknown) {
    return { ok: false, error: runtimeError(source, error) }
  }
}

/**
 * The context's entries whose name occurs in the source, plus the unary-test input `?`. feelin
 * copies and converts the whole context, and builds its name tokenizer from it, on every call;
 * a gateway or bundle condition reads one or two fields of a form with dozens. A name that does
 * not occur in the source text cannot be referenced, so the result is the same.
 */
function mentioned(source: string, context: Record<string, unknown>): Record<string, unknown> {
  const used: Record<string, unknown> = {}
  for (const name of Object.keys(context)) {
    if (name === '?' || source.includes(name)) used[name] = context[name]
  }
  return used
}

function toWarnings(result: EvaluationResult<unknown>): FeelWarning[] {
  return result.warnings.map((w) => ({ type: w.type, message: w.message, offset: w.position.from }))
}

function runtimeError(source: string, error: unknown): FeelRuntimeError {
  const detail = error instanceof Error ? error.message : String(error)
  const position = errorPosition(source, error)
  return {
    kind: 'runtime',
    message: { zh: `FEEL 求值失败：${detail}`, en: `FEEL evaluation failed: ${detail}` },
    position,
    snippet: position === null ? source : snippetAt(source, position),
  }
}

function errorPosition(source: string, error: unknown): FeelRuntimeError['position'] {
  if (typeof error !== 'object' || error === null || !('position' in error)) return null
  const { position } = error
  if (typeof position !== 'object' || position === null || !('from' in position)) return null
  return typeof position.from === 'number' ? positionAt(source, position.from) : null
}
