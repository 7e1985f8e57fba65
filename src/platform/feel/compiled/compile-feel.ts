import { positionAt, snippetAt } from '../position.js'
import { findSyntaxError } from '../syntax-check.js'
import type {
  FeelCompileOptions,
  FeelCompileResult,
  FeelKind,
  FeelUnsupportedError,
} from '../types.js'
import { generateExpression } from './codegen/generate.js'
import type { GeneratedPart, GeneratedRun } from './codegen/generate.js'
import { compiledExpression } from './compiled-expression.js'
import { createCompiler } from './compile.js'
import { compileUnaryTests } from './compile-tests.js'
import { Unsupported } from './env.js'
import type { Run } from './env.js'
import { syntaxTree } from './syntax-tree.js'

/**
 * Parses FEEL once and translates it into closures, and the common constructs of an expression
 * also into one generated JavaScript function (evaluateValue). Syntax errors come back as today;
 * valid FEEL the compiler does not translate comes back as `unsupported` with its position.
 */
export function compileFeel(
  source: string,
  kind: FeelKind,
  options: FeelCompileOptions = {},
): FeelCompileResult {
  const syntaxError = findSyntaxError(source, kind)
  if (syntaxError !== null) return { ok: false, error: syntaxError }
  const longerNames: string[] = []
  const isoDates: ReadonlySet<string> = new Set(options.isoDates ?? [])
  const compiler = createCompiler(source, longerNames, isoDates)
  const root = syntaxTree(source, kind)
  let run: Run
  try {
    run = kind === 'unaryTests' ? compileUnaryTests(compiler, root) : compiler.compile(root).run
  } catch (error: unknown) {
    if (error instanceof Unsupported) return { ok: false, error: unsupported(source, error) }
    throw error
  }
  const part = { source, kind, root, isoDates }
  return {
    ok: true,
    compiled: compiledExpression({
      source,
      kind,
      run,
      longerNames: [...new Set(longerNames)],
      isoDates,
      generated: lazily(part),
      part,
    }),
  }
}

/** Evaluations before an expression gets generated code (one-off sources skip its cost). */
const GENERATE_AFTER = 3

/**
 * The generated code, made at the GENERATE_AFTER-th call, or null before that and for sources
 * outside the generated subset. An optimisation only: should generating fail (say, code
 * generation from strings is disallowed), the closures serve alone.
 */
function lazily(part: GeneratedPart): () => GeneratedRun | null {
  let calls = 0
  let made: GeneratedRun | null = null
  return () => {
    if (calls >= GENERATE_AFTER) return made
    if (++calls < GENERATE_AFTER) return null
    try {
      made = generateExpression(part)
    } catch {
      made = null
    }
    return made
  }
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
