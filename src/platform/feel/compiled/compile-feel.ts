import { interpret } from '../interpret.js'
import { positionAt, snippetAt } from '../position.js'
import { findSyntaxError } from '../syntax-check.js'
import type {
  CompiledFeelExpression,
  FeelCompileResult,
  FeelKind,
  FeelResult,
  FeelUnsupportedError,
  FeelWarning,
} from '../types.js'
import { NeedsInterpreter } from './bailout.js'
import { createCompiler } from './compile.js'
import { compileUnaryTests } from './compile-tests.js'
import { Unsupported } from './env.js'
import type { Run } from './env.js'
import { syntaxTree } from './syntax-tree.js'

/**
 * Parses FEEL once and translates it into closures. Syntax errors come back as today; valid FEEL
 * the compiler does not translate comes back as `unsupported` with the construct's position.
 */
export function compileFeel(source: string, kind: FeelKind): FeelCompileResult {
  const syntaxError = findSyntaxError(source, kind)
  if (syntaxError !== null) return { ok: false, error: syntaxError }
  const longerNames: string[] = []
  const compiler = createCompiler(source, longerNames)
  const root = syntaxTree(source, kind)
  try {
    const run =
      kind === 'unaryTests' ? compileUnaryTests(compiler, root) : compiler.compile(root).run
    return { ok: true, compiled: compiledExpression(source, kind, run, [...new Set(longerNames)]) }
  } catch (error: unknown) {
    if (error instanceof Unsupported) return { ok: false, error: unsupported(source, error) }
    throw error
  }
}

function compiledExpression(
  source: string,
  kind: FeelKind,
  run: Run,
  longerNames: readonly string[],
): CompiledFeelExpression {
  const tryEvaluate = (context: Record<string, unknown>): FeelResult | null => {
    if (longerNames.some((name) => Object.hasOwn(context, name))) return null
    try {
      const warnings: FeelWarning[] = []
      const value = run({ vars: context, parent: null, warnings })
      return typeof value === 'function' ? null : { ok: true, value, warnings }
    } catch (error: unknown) {
      if (error instanceof NeedsInterpreter) return null
      throw error
    }
  }
  // an unexpected error in compiled code must not fail a submission: the interpreter decides
  const evaluate = (context: Record<string, unknown>): FeelResult => {
    try {
      return tryEvaluate(context) ?? interpret(source, kind, context)
    } catch {
      return interpret(source, kind, context)
    }
  }
  return { evaluate, tryEvaluate }
}

function unsupported(source: string, error: Unsupported): FeelUnsupportedError {
  const position = positionAt(source, error.node.from)
  return {
    kind: 'unsupported',
    message: {
      zh: `FEEL 编译器暂不支持：${error.construct}`,
      en: `Not supported by the FEEL compiler: ${error.construct}`,
    },
    position,
    snippet: snippetAt(source, position),
  }
}
