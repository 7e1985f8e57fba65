import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'
import type { DataStandard } from '../standards/index.js'
import type { FailureSample, RuleTally } from './rule-tally.js'
import { QUALITY_DIMENSIONS } from './rule.types.js'
import type { QualityDimension, RuleKind } from './rule.types.js'

/** Counts and score of one rule; score = passed / (passed + failed) × 100, null if none. */
export interface RuleReport {
  id: string
  kind: RuleKind
  name: LocalizedMessage
  dimension: QualityDimension
  scope: 'element' | 'row'
  element: string | null
  fields: readonly string[]
  checks: number
  passed: number
  failed: number
  /** Rows the rule did not apply to (e.g. an empty optional value): not counted. */
  skipped: number
  score: number | null
  /** Failures by reason code. */
  reasons: Record<string, number>
  /** At most samplesPerRule failing rows, a uniform random sample, in line order. */
  samples: FailureSample[]
  note: LocalizedMessage | null
}

/** A score over several rules: the mean of their scores (rules with no checks left out). */
export interface ScoreSummary {
  score: number | null
  rules: number
  checks: number
  failed: number
}

/** A run's report; JSON-serialisable. */
export interface QualityReport {
  standard: { code: string; version: string; name: LocalizedMessage }
  /** The injected instant of the run, ISO 8601. */
  runAt: string
  /** Rows read, and rows the reader could not read (they fail row.readable and completeness). */
  rows: number
  unreadableRows: number
  score: number | null
  dimensions: Record<QualityDimension, ScoreSummary>
  elements: Record<string, ScoreSummary>
  rules: RuleReport[]
  scoring: LocalizedMessage
}

export const SCORING: LocalizedMessage = {
  zh: '每条规则的得分为通过检查数占已检查数的百分比（不适用的行不计）；数据集、维度和数据元的得分为相应规则得分的算术平均，每条规则权重相同',
  en: 'A rule scores the share of its checks that passed (rows it does not apply to are not counted); the dataset, each dimension and each element score the plain mean of their rules’ scores, every rule weighted equally',
}

/** What a finished rule contributes to the report. */
export interface RuleResult {
  rule: Omit<
    RuleReport,
    'checks' | 'passed' | 'failed' | 'skipped' | 'score' | 'reasons' | 'samples'
  >
  tally: RuleTally
}

const round2 = (value: number): number => Math.round(value * 100) / 100

function ruleReport({ rule, tally }: RuleResult): RuleReport {
  const checks = tally.passed + tally.failed
  const samples = [...tally.samples.items()].sort((a, b) => a.line - b.line)
  return {
    ...rule,
    checks,
    passed: tally.passed,
    failed: tally.failed,
    skipped: tally.skipped,
    score: checks === 0 ? null : round2((tally.passed / checks) * 100),
    reasons: Object.fromEntries(tally.reasons),
    samples,
  }
}

/** The equal-weight mean of the rules' unrounded scores. */
export function summarise(rules: readonly RuleReport[]): ScoreSummary {
  const scored = rules.filter((rule) => rule.checks > 0)
  const sum = scored.reduce((acc, rule) => acc + rule.passed / rule.checks, 0)
  return {
    score: scored.length === 0 ? null : round2((sum / scored.length) * 100),
    rules: scored.length,
    checks: rules.reduce((acc, rule) => acc + rule.checks, 0),
    failed: rules.reduce((acc, rule) => acc + rule.failed, 0),
  }
}

export interface ReportInput {
  standard: DataStandard
  runAt: Date
  rows: number
  unreadableRows: number
  results: readonly RuleResult[]
}

export function buildReport(input: ReportInput): QualityReport {
  const rules = input.results.map(ruleReport)
  const dimensions = Object.fromEntries(
    QUALITY_DIMENSIONS.map((d) => [d, summarise(rules.filter((r) => r.dimension === d))]),
  ) as Record<QualityDimension, ScoreSummary>
  const elements = Object.fromEntries(
    input.standard.elements.map(({ key }) => [
      key,
      summarise(rules.filter((r) => r.element === key)),
    ]),
  )
  const { code, version, name } = input.standard
  return {
    standard: { code, version, name },
    runAt: input.runAt.toISOString(),
    rows: input.rows,
    unreadableRows: input.unreadableRows,
    score: summarise(rules).score,
    dimensions,
    elements,
    rules,
    scoring: SCORING,
  }
}

/** One point of a dataset's score history, for trends and checkQualityDrop ({ at, score }). */
export interface ScorePoint {
  at: string
  standard: string
  score: number | null
  dimensions: Record<QualityDimension, number | null>
  elements: Record<string, number | null>
}

export function toScorePoint(report: QualityReport): ScorePoint {
  const scores = <K extends string>(summaries: Record<K, ScoreSummary>) =>
    Object.fromEntries(Object.entries<ScoreSummary>(summaries).map(([k, s]) => [k, s.score]))
  return {
    at: report.runAt,
    standard: report.standard.code,
    score: report.score,
    dimensions: scores(report.dimensions) as Record<QualityDimension, number | null>,
    elements: scores(report.elements),
  }
}
