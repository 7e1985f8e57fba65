/** Bilingual user-facing message. */
export type FeelMessage = { zh: string; en: string }

/** Location in the FEEL source: 0-based UTF-16 offset, 1-based line and column (code points). */
export type FeelPosition = { offset: number; line: number; column: number }

/** Which FEEL grammar entry point to use. */
export type FeelKind = 'expression' | 'unaryTests'

/** A syntax error found while parsing; position is the first error in the source. */
export type FeelSyntaxError = {
  kind: 'syntax'
  message: FeelMessage
  position: FeelPosition
  /** The offending source line followed by a caret line pointing at the column. */
  snippet: string
}

/** An error raised while evaluating; position is null when the engine gives none. */
export type FeelRuntimeError = {
  kind: 'runtime'
  message: FeelMessage
  position: FeelPosition | null
  snippet: string
}

export type FeelError = FeelSyntaxError | FeelRuntimeError

/** Valid FEEL the compiler does not translate (it then runs on the interpreter). */
export type FeelUnsupportedError = {
  kind: 'unsupported'
  message: FeelMessage
  position: FeelPosition
  snippet: string
}

/** A non-fatal note from the engine explaining why a value became null (missing variable…). */
export type FeelWarning = { type: string; message: string; offset: number }

export type FeelResult =
  { ok: true; value: unknown; warnings: readonly FeelWarning[] } | { ok: false; error: FeelError }

/** A syntax-checked FEEL source, evaluable many times; evaluate never throws. */
export type CompiledFeel = {
  readonly source: string
  readonly kind: FeelKind
  /** For 'unaryTests' the tested input value is read from context['?']. */
  evaluate(context: Record<string, unknown>): FeelResult
  /** As CompiledFeelExpression.evaluateValue; undefined means "call evaluate". */
  evaluateValue(context: Record<string, unknown>): unknown
}

export type FeelParseResult =
  { ok: true; expression: CompiledFeel } | { ok: false; error: FeelSyntaxError }

/** Options for compileFeel. */
export type FeelCompileOptions = {
  /**
   * Context entries holding dates as YYYY-MM-DD strings: such a string is read as that FEEL date
   * (`date(…)` of it); any other value, and the same name inside a nested scope, as it is.
   */
  readonly isoDates?: readonly string[]
}

/** FEEL translated once into closures (and generated JavaScript); nothing here throws. */
export type CompiledFeelExpression = {
  /** Runs the closures, or the interpreter for inputs they defer on (see README). */
  evaluate(context: Record<string, unknown>): FeelResult
  /** Runs the closures only; null when they defer to the interpreter for this context. */
  tryEvaluate(context: Record<string, unknown>): FeelResult | null
  /**
   * The value only, for hot loops: no result object, no warnings. undefined means "call
   * evaluate" (this context needs the interpreter, or the value itself is undefined).
   */
  evaluateValue(context: Record<string, unknown>): unknown
}

/**
 * Conditions evaluated together, as a policy's: false as soon as one is false, true when all are
 * true, else null (a null, non-boolean or failed condition and no false one). Never throws.
 */
export type CompiledFeelAll = {
  evaluate(context: Record<string, unknown>): boolean | null
}

export type FeelCompileResult =
  | { ok: true; compiled: CompiledFeelExpression }
  | { ok: false; error: FeelSyntaxError | FeelUnsupportedError }
