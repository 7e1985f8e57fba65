import { compileFeel, positionAt, snippetAt } from '../../../platform/feel/index.js'
import type { CompiledFeelExpression, FeelKind, FeelResult } from '../../../platform/feel/index.js'
import { referencedNames } from './feel-names.js'
import { feelLocation, issue } from './policy-issues.js'
import type { PolicyIssue } from './policy-issues.js'

/** A FEEL source compiled once, with the declared names it reads (first occurrence first). */
export type CheckedFeel = {
  readonly source: string
  readonly compiled: CompiledFeelExpression
  /** Facts the source reads. */
  readonly facts: readonly string[]
  /** Decisions (earlier tables' results) the source reads. */
  readonly decisions: readonly string[]
  /** Built-in variables (the evaluation date) the source reads. */
  readonly builtins: readonly string[]
}

/** The names an expression may read: declared facts, earlier decisions, built-in variables. */
export type NameScope = {
  readonly facts: ReadonlySet<string>
  readonly decisions: ReadonlySet<string>
  readonly builtins: ReadonlySet<string>
}

/**
 * Compiles FEEL with the platform compiler and checks that every name it reads is visible.
 * Syntax errors, constructs the compiler does not translate and undeclared names become issues
 * at `path` with the line and column inside the expression; returns null when there are any.
 */
export function compileChecked(
  source: string,
  kind: FeelKind,
  path: string,
  scope: NameScope,
  issues: PolicyIssue[],
): CheckedFeel | null {
  const result = compileFeel(source, kind)
  if (!result.ok) {
    const { error } = result
    const where = feelLocation(error.position, error.snippet)
    const prefix = `${error.position.line}:${error.position.column}`
    issues.push(
      error.kind === 'syntax'
        ? issue(
            path,
            'POLICY_FEEL_SYNTAX',
            `FEEL 语法错误（${prefix}）：${error.message.zh}`,
            `FEEL syntax error at ${prefix}: ${error.message.en}`,
            where,
          )
        : issue(
            path,
            'POLICY_FEEL_UNSUPPORTED',
            `FEEL 构造不受支持（${prefix}）：${error.message.zh}`,
            `Unsupported FEEL construct at ${prefix}: ${error.message.en}`,
            where,
          ),
    )
    return null
  }
  const facts: string[] = []
  const decisions: string[] = []
  const builtins: string[] = []
  let undeclared = false
  for (const reference of referencedNames(source)) {
    const { name } = reference
    if (scope.facts.has(name) || scope.decisions.has(name) || scope.builtins.has(name)) {
      const reads = scope.facts.has(name) ? facts : scope.decisions.has(name) ? decisions : builtins
      if (!reads.includes(name)) reads.push(name)
      continue
    }
    undeclared = true
    const position = positionAt(source, reference.offset)
    const prefix = `${position.line}:${position.column}`
    issues.push(
      issue(
        path,
        'POLICY_NAME_UNDECLARED',
        `表达式引用了未声明的事实或决策“${reference.name}”（${prefix}）`,
        `The expression reads '${reference.name}', which is not a declared fact or decision (${prefix})`,
        feelLocation(position, snippetAt(source, position)),
      ),
    )
  }
  return undeclared ? null : { source, compiled: result.compiled, facts, decisions, builtins }
}

/**
 * Runs compiled closures, falling back to the interpreter only when they defer; never throws.
 * The closures' own result is used directly when they can (the common, allocation-light path).
 */
export function run(
  compiled: CompiledFeelExpression,
  context: Record<string, unknown>,
): FeelResult {
  try {
    return compiled.tryEvaluate(context) ?? compiled.evaluate(context)
  } catch {
    return compiled.evaluate(context)
  }
}

/** The value of a FEEL result, or null for an error. */
export function valueOf(result: FeelResult): unknown {
  return result.ok ? result.value : null
}
