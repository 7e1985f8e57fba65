/** FEEL (DMN 1.3) — the platform's single entry point; nothing else imports feelin. */

/** Syntax-checks FEEL source → { ok, expression } or the first syntax error with line/column. */
export { parseFeelExpression } from './parse.js'
/** Parses (memoised) and evaluates FEEL source; never throws. */
export { evaluateFeel } from './evaluate.js'
/** Evaluates a condition → boolean, or null for null / non-boolean / error (caller decides). */
export { evaluateCondition } from './evaluate.js'
/** Compiles FEEL once into closures → { ok, compiled } or a syntax / unsupported error. */
export { compileFeel } from './compiled/compile-feel.js'
/** Several compiled conditions as one function: false if any is false, true if all are, else null. */
export { compileFeelAll } from './compiled/compile-all.js'
/** The FEEL date of a YYYY-MM-DD string (memoised, one instance per text), else null. */
export { feelDateOf } from './compiled/iso-date.js'
/** Offset → 1-based { line, column }, and a source line with a caret. */
export { positionAt, snippetAt } from './position.js'
export type {
  CompiledFeel,
  CompiledFeelAll,
  CompiledFeelExpression,
  FeelCompileOptions,
  FeelCompileResult,
  FeelError,
  FeelKind,
  FeelMessage,
  FeelParseResult,
  FeelPosition,
  FeelResult,
  FeelRuntimeError,
  FeelSyntaxError,
  FeelUnsupportedError,
  FeelWarning,
} from './types.js'
