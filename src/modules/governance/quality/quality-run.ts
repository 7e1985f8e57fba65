import type { RowEvent } from '../input/index.js'
import { findStandard, validationContext } from '../standards/index.js'
import type { DataStandard } from '../standards/index.js'
import { READABLE_RULE_ID, checkRules } from './check-rules.js'
import { compileRules } from './compile-rules.js'
import { UNREADABLE_FAILURE } from './element-rules.js'
import { buildReport } from './quality-report.js'
import type { QualityReport, RuleResult } from './quality-report.js'
import { QualityRuleError } from './rule-errors.js'
import { countFailure, createTally, pickValues } from './rule-tally.js'
import type { RuleTally } from './rule-tally.js'
import type { CompiledRule, QualityRuleSpec, RowView } from './rule.types.js'
import { checkRowShape, createRowView, createValueReader } from './row-values.js'
import type { RowShape } from './row-values.js'

export interface QualityRunOptions extends RowShape {
  /** The instant of the run: "today" for date checks and timeliness, and the report's runAt. */
  runAt: Date
  /** Failing rows kept per rule (default 20). */
  samplesPerRule?: number
  /** Seed of the sampling, so a report is reproducible (default 1). */
  seed?: number
}

export interface QualityRun {
  /** Checks one row event from readRows; an error event counts as an unreadable row. */
  add(event: RowEvent): void
  /** The report so far; may be called more than once. */
  finish(): QualityReport
}

const RAW_SAMPLE_CHARS = 200

const READABLE_RULE: Omit<CompiledRule, 'check'> = {
  id: READABLE_RULE_ID,
  kind: 'readable',
  name: { zh: '行可读取', en: 'The row can be read' },
  dimension: 'validity',
  element: null,
  fields: [],
}

function resolveStandard(standard: DataStandard | string): DataStandard {
  return typeof standard === 'string' ? findStandard(standard) : standard
}

/**
 * A streaming quality check of rows against a standard and rules (add standardRules(standard)
 * for the standard's own). Memory is bounded by the rules: counts, samplesPerRule samples each,
 * and the keys of uniqueness rules. Throws UnknownStandardError or QualityRuleError up front.
 */
export function createQualityRun(
  standardOrCode: DataStandard | string,
  specs: readonly QualityRuleSpec[],
  options: QualityRunOptions,
): QualityRun {
  const standard = resolveStandard(standardOrCode)
  const shapeIssues = checkRowShape(standard, options)
  if (shapeIssues.length > 0) {
    throw new QualityRuleError([...checkRules(standard, specs), ...shapeIssues])
  }
  const rules = compileRules(standard, specs, validationContext(options.runAt))
  const readValues = createValueReader(standard, options)
  const sampleSize = options.samplesPerRule ?? 20
  const seed = options.seed ?? 1
  const tallies = rules.map((rule) => createTally(rule.id, sampleSize, seed))
  const readable = createTally(READABLE_RULE_ID, sampleSize, seed)
  const completeness = tallies.filter((_, i) => rules[i]?.dimension === 'completeness')
  let rows = 0
  let unreadable = 0
  return {
    add(event) {
      if (event.kind === 'row') {
        rows++
        const view = createRowView(standard, event.line, readValues(event.record))
        readable.passed++
        checkRow(rules, tallies, view)
      } else {
        unreadable++
        countUnreadable(event, readable, completeness)
      }
    },
    finish() {
      const results: RuleResult[] = [
        { rule: describe(READABLE_RULE), tally: readable },
        ...rules.map((rule, i) => ({ rule: describe(rule), tally: tallies[i] as RuleTally })),
      ]
      return buildReport({
        standard,
        runAt: options.runAt,
        rows,
        unreadableRows: unreadable,
        results,
      })
    },
  }
}

function checkRow(
  rules: readonly CompiledRule[],
  tallies: readonly RuleTally[],
  view: RowView,
): void {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as CompiledRule
    const tally = tallies[i] as RuleTally
    const outcome = rule.check(view)
    if (outcome === 'pass') tally.passed++
    else if (outcome === 'skip') tally.skipped++
    else {
      const { reason, message } = outcome
      const values = () => pickValues(view.values, rule.fields)
      countFailure(tally, outcome, () => ({ line: view.line, values: values(), reason, message }))
    }
  }
}

/** An unreadable row fails row.readable (sampled) and every completeness rule (counted). */
function countUnreadable(
  event: Extract<RowEvent, { kind: 'error' }>,
  readable: RuleTally,
  completeness: readonly RuleTally[],
): void {
  const { code, zh, en } = event.reason
  const raw = event.raw?.slice(0, RAW_SAMPLE_CHARS)
  const failure = { reason: code, message: { zh, en } }
  countFailure(readable, failure, () => ({
    line: event.line,
    values: {},
    ...failure,
    ...(raw === undefined ? {} : { raw }),
  }))
  for (const tally of completeness) countFailure(tally, UNREADABLE_FAILURE)
}

function describe(rule: Omit<CompiledRule, 'check'>): RuleResult['rule'] {
  const { id, kind, name, dimension, element, fields } = rule
  const scope = element === null ? 'row' : 'element'
  return { id, kind, name, dimension, scope, element, fields, note: rule.note?.() ?? null }
}
