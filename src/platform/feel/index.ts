/** FEEL (DMN 1.3) — the platform's single entry point; nothing else imports feelin. */

/** Syntax-checks FEEL source → { ok, expression } or the first syntax error with line/column. */
export { parseFeelExpression } from './parse.js'
/** Parses (memoised) and evaluates FEEL source; never throws. */
export { evaluateFeel } from './evaluate.js'
/** Evaluates a condition → boolean, or null for null / non-boolean / error (caller decides). */
export { evaluateCondition } from './evaluate.js'
/** Offset → 1-based { line, column }, and a source line with a caret. */
export { positionAt, snippetAt } from './position.js'
export type {
  CompiledFeel,
  FeelError,
  FeelKind,
  FeelMessage,
  FeelParseResult,
  FeelPosition,
  FeelResult,
  FeelRuntimeError,
  FeelSyntaxError,
  FeelWarning,
} from './types.js'
