import { compileDecisionTable } from './compile-table.js'
import type { CompiledDecisionTable } from './compile-table.js'
import { compileChecked } from './feel-compile.js'
import type { CheckedFeel, NameScope } from './feel-compile.js'
import { at, issue } from './policy-issues.js'
import type { PolicyIssue } from './policy-issues.js'
import { EVALUATION_DATE } from './policy.types.js'
import type {
  ConditionSpec,
  DecisionSpec,
  FactDeclaration,
  FactType,
  PolicyDocument,
  PolicyVersion,
} from './policy.types.js'
import { findTableOverlaps } from './table-overlap.js'

export type CompiledCondition = {
  readonly spec: ConditionSpec
  readonly feel: CheckedFeel
  /** The one fact a condition reads when it reads nothing else (its result depends on it alone). */
  readonly onlyFact: string | null
  /**
   * Results by fact value for such a condition, filled as strings and booleans are met (they
   * repeat across enterprises: industry codes, yes/no facts); bounded. Used by isEligible only.
   */
  readonly memo: Map<string | boolean, boolean | null> | null
}
export type CompiledDecision = {
  readonly spec: DecisionSpec
  readonly table: CompiledDecisionTable
}

/** One version with every expression compiled; evaluate it many times. */
export type CompiledVersion = {
  readonly index: number
  readonly version: PolicyVersion
  readonly decisions: readonly CompiledDecision[]
  readonly conditions: readonly CompiledCondition[]
  readonly amount: CheckedFeel | null
  readonly outcome: CheckedFeel | null
  /** Date facts this version reads: turned into FEEL dates before evaluating. */
  readonly dateFacts: readonly string[]
  readonly readsEvaluationDate: boolean
  /** True when the caller's facts object can be the FEEL context as it is (no copy). */
  readonly plainContext: boolean
}

/** A policy ready to evaluate: made once per published document by compilePolicy. */
export type CompiledPolicy = {
  readonly document: PolicyDocument
  readonly facts: ReadonlyMap<string, FactDeclaration>
  readonly versions: readonly CompiledVersion[]
  /** The last date asked of versionOn and its answer (a batch asks for one date many times). */
  readonly lastVersion: { on: string; version: CompiledVersion | null }
}

export type CompilePolicyResult =
  { ok: true; policy: CompiledPolicy } | { ok: false; issues: PolicyIssue[] }

const BUILTINS: ReadonlySet<string> = new Set([EVALUATION_DATE])

/**
 * Compiles every FEEL expression and decision table of every version once, checking that each
 * reads only declared facts, earlier decisions and `evaluationDate`, and that no two rules of a
 * UNIQUE table can match the same input. Issues carry JSON pointers and FEEL positions.
 */
export function compilePolicy(document: PolicyDocument): CompilePolicyResult {
  const issues: PolicyIssue[] = []
  const facts = new Map(document.facts.map((fact) => [fact.name, fact]))
  const versions = document.versions.map((version, i) => compileVersion(version, i, facts, issues))
  if (issues.length > 0) return { ok: false, issues }
  return {
    ok: true,
    policy: {
      document,
      facts,
      versions: versions.filter((version): version is CompiledVersion => version !== null),
      lastVersion: { on: '', version: null },
    },
  }
}

/** The version in force on an ISO date (both ends inclusive), or null. */
export function versionOn(policy: CompiledPolicy, on: string): CompiledVersion | null {
  const last = policy.lastVersion
  if (last.on === on) return last.version
  let found: CompiledVersion | null = null
  for (const candidate of policy.versions) {
    const { validFrom, validTo } = candidate.version
    if (validFrom <= on && (validTo === null || on <= validTo)) {
      found = candidate
      break
    }
  }
  last.on = on
  last.version = found
  return found
}

function compileVersion(
  version: PolicyVersion,
  index: number,
  facts: ReadonlyMap<string, FactDeclaration>,
  issues: PolicyIssue[],
): CompiledVersion | null {
  const before = issues.length
  const path = at('/versions', index)
  const factNames = new Set(facts.keys())
  const decided = new Set<string>()
  const decisions = version.decisions.map((spec, d) => {
    const scope: NameScope = { facts: factNames, decisions: new Set(decided), builtins: BUILTINS }
    decided.add(spec.name)
    return compileDecision(spec, at(at(path, 'decisions'), d), scope, facts, issues)
  })
  const scope: NameScope = { facts: factNames, decisions: decided, builtins: BUILTINS }
  const conditions = version.eligibility.map((spec, c) => {
    const where = at(at(at(path, 'eligibility'), c), 'expression')
    const feel = compileChecked(spec.expression, 'expression', where, scope, issues)
    return feel === null ? null : compiledCondition(spec, feel)
  })
  const amount =
    version.amount === null
      ? null
      : compileChecked(
          version.amount.expression,
          'expression',
          at(at(path, 'amount'), 'expression'),
          scope,
          issues,
        )
  const outcome =
    version.outcome === null
      ? null
      : compileChecked(version.outcome, 'expression', at(path, 'outcome'), scope, issues)
  if (issues.length > before) return null
  const compiledDecisions = decisions.filter((d): d is CompiledDecision => d !== null)
  const expressions = [
    ...compiledDecisions.flatMap((d) => tableExpressions(d.table)),
    ...conditions.flatMap((c) => (c === null ? [] : [c.feel])),
    ...(amount === null ? [] : [amount]),
    ...(outcome === null ? [] : [outcome]),
  ]
  const dateFacts = [...facts.values()]
    .filter((fact) => fact.type === 'date' && expressions.some((e) => e.facts.includes(fact.name)))
    .map((fact) => fact.name)
  const readsEvaluationDate = expressions.some((e) => e.builtins.includes(EVALUATION_DATE))
  return {
    index,
    version,
    decisions: compiledDecisions,
    conditions: conditions.filter((c): c is CompiledCondition => c !== null),
    amount,
    outcome,
    dateFacts,
    readsEvaluationDate,
    plainContext: compiledDecisions.length === 0 && dateFacts.length === 0 && !readsEvaluationDate,
  }
}

function compiledCondition(spec: ConditionSpec, feel: CheckedFeel): CompiledCondition {
  const [fact] = feel.facts
  const alone =
    fact !== undefined &&
    feel.facts.length === 1 &&
    feel.decisions.length === 0 &&
    feel.builtins.length === 0 &&
    !/\b(now|today)\s*\(/.test(spec.expression)
  return { spec, feel, onlyFact: alone ? fact : null, memo: alone ? new Map() : null }
}

function compileDecision(
  spec: DecisionSpec,
  path: string,
  scope: NameScope,
  facts: ReadonlyMap<string, FactDeclaration>,
  issues: PolicyIssue[],
): CompiledDecision | null {
  const tablePath = at(path, 'table')
  const found: PolicyIssue[] = []
  const table = compileDecisionTable(spec.table, tablePath, scope, found)
  if (table !== null) {
    const types = spec.table.inputs.map(
      (input): FactType | undefined => facts.get(input.expression.trim())?.type,
    )
    for (const overlap of findTableOverlaps(table, types))
      found.push(overlapIssue(spec, tablePath, overlap.rules, overlap.witness))
  }
  const source = spec.source.kind === 'dmn' ? { file: spec.source.file } : undefined
  issues.push(...found.map((f) => (source === undefined ? f : { ...f, source })))
  return found.length > 0 || table === null ? null : { spec, table }
}

function overlapIssue(
  spec: DecisionSpec,
  tablePath: string,
  [a, b]: readonly [number, number],
  witness: readonly unknown[],
): PolicyIssue {
  const ids = [spec.table.rules[a]?.id, spec.table.rules[b]?.id]
  const named = ids.every((id) => id !== undefined) ? ` (${ids.join(', ')})` : ''
  const input = (any: string): string =>
    spec.table.inputs
      .map(
        (column, j) =>
          `${column.expression} = ${witness[j] === null ? any : JSON.stringify(witness[j])}`,
      )
      .join(', ')
  const found = issue(
    at(at(tablePath, 'rules'), b),
    'POLICY_TABLE_OVERLAP',
    `UNIQUE 决策表“${spec.name}”的规则 ${a} 与规则 ${b}${named} 会同时命中，例如 ${input('任意值')}`,
    `Rules ${a} and ${b}${named} of UNIQUE table '${spec.name}' both match, e.g. ${input('any value')}`,
  )
  return { ...found, related: [at(at(tablePath, 'rules'), a)] }
}

function tableExpressions(table: CompiledDecisionTable): CheckedFeel[] {
  return [
    ...table.inputs,
    ...table.rules.flatMap((rule) => [
      ...rule.cells.flatMap((cell) => (cell.wildcard ? [] : [cell])),
      ...rule.outputs.flatMap((output) => (output === null ? [] : [output])),
    ]),
  ]
}
