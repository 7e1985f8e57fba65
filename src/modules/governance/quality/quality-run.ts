import type { RowEvent } from '../input/index.js'
import { findStandard, validationContext } from '../standards/index.js'
import type { DataStandard } from '../standards/index.js'
import { READABLE_RULE_ID, checkRules } from './check-rules.js'
import { compileRules } from './compile-rules.js'
import type { KeyIndexFor } from './compile-rules.js'
import { createKeyRecorder, keyText } from './key-batch.js'
import type { KeyBatch } from './key-batch.js'
import type { KeyIndex, KeySpillPlace } from './key-index.js'
import { duplicateFailure, keyIndexFor, keyValues } from './lookup-rules.js'
import { UNREADABLE_FAILURE } from './element-rules.js'
import { buildReport } from './quality-report.js'
import type { QualityReport, RuleResult } from './quality-report.js'
import { QualityRuleError } from './rule-errors.js'
import {
  countFailure,
  createTally,
  mergeTally,
  pickValues,
  resetTally,
  tallyState,
} from './rule-tally.js'
import type { TallyState } from './rule-tally.js'
import type { RuleTally } from './rule-tally.js'
import type { CompiledRule, QualityRuleSpec, RowView, UniqueRuleSpec } from './rule.types.js'
import { checkRowShape, createFieldReader, createRowView, createValueReader } from './row-values.js'
import type { RowShape, RowValues } from './row-values.js'

export interface QualityRunOptions extends RowShape {
  /** The instant of the run: "today" for date checks and timeliness, and the report's runAt. */
  runAt: Date
  /** Failing rows kept per rule (default 20). */
  samplesPerRule?: number
  /** Seed of the sampling, so a report is reproducible (default 1). */
  seed?: number
  /**
   * A directory of the run's own where uniqueness keys past the memory budget go (encrypted or
   * hashes only), so memory stays bounded whatever the file size; without it the index keeps up
   * to its `hashLimit`. Not used by a part run (its keys go to the whole run).
   */
  spill?: KeySpillPlace
}

export interface QualityRun {
  /** Checks one row event from readRows; an error event counts as an unreadable row. */
  add(event: RowEvent): void
  /**
   * Adds what a part run (createPartRun, same standard, rules and options) counted over other
   * rows of the file. Parts come in file order, each after the rows added before it.
   */
  merge(part: PartState): void
  /**
   * The report. With a spill, the first call decides the spilled keys and frees the indexes:
   * it may be called again, but no row may be added after it.
   */
  finish(): QualityReport
  /** Deletes what the run put on disk (the spill); call it when the run ends, failed or not. */
  close(): void
}

/** A check of one part of a file, e.g. in a worker thread: its counts go to a QualityRun's merge. */
export interface PartRun {
  add(event: RowEvent): void
  /** Checks a CSV record's fields under the header's columns, as add would its row event. */
  addFields(line: number, texts: readonly string[], columns: readonly string[]): void
  /** The counts, samples and uniqueness keys since the last take, as plain data. */
  take(): PartState
}

/** What a part run counted, as plain (structured-cloneable) data. */
export interface PartState {
  rows: number
  unreadable: number
  readable: TallyState
  tallies: TallyState[]
  /** Per rule: the keys of a uniqueness rule, null for the others. */
  keys: (KeyBatch | null)[]
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

interface RunCore {
  standard: DataStandard
  rules: CompiledRule[]
  tallies: RuleTally[]
  readable: RuleTally
  counts: { rows: number; unreadable: number }
  add: (event: RowEvent) => void
  /** Checks a CSV record's fields under the header's columns (a reader made on first use). */
  addFields: (line: number, texts: readonly string[], columns: readonly string[]) => void
}

function createCore(
  standardOrCode: DataStandard | string,
  specs: readonly QualityRuleSpec[],
  options: QualityRunOptions,
  indexFor?: KeyIndexFor,
): RunCore {
  const standard = resolveStandard(standardOrCode)
  const shapeIssues = checkRowShape(standard, options)
  if (shapeIssues.length > 0) {
    throw new QualityRuleError([...checkRules(standard, specs), ...shapeIssues])
  }
  const rules = compileRules(standard, specs, validationContext(options.runAt), indexFor)
  const counts = { rows: 0, unreadable: 0 }
  const readValues = createValueReader(standard, options)
  const rowView = createRowView(standard)
  let fieldReader: ((texts: readonly string[]) => RowValues) | undefined
  const check = (line: number, values: RowValues): void => {
    counts.rows++
    readable.passed++
    checkRow(rules, tallies, rowView.show(line, values))
  }
  const sampleSize = options.samplesPerRule ?? 20
  const seed = options.seed ?? 1
  const tallies = rules.map((rule) => createTally(rule.id, sampleSize, seed))
  const readable = createTally(READABLE_RULE_ID, sampleSize, seed)
  const completeness = tallies.filter((_, i) => rules[i]?.dimension === 'completeness')
  return {
    standard,
    rules,
    tallies,
    readable,
    counts,
    addFields(line, texts, columns) {
      fieldReader ??= createFieldReader(standard, options, columns)
      check(line, fieldReader(texts))
    },
    add(event) {
      if (event.kind === 'row') check(event.line, readValues(event.record))
      else {
        counts.unreadable++
        countUnreadable(event, readable, completeness)
      }
    },
  }
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
  const indexes = new Map<UniqueRuleSpec, KeyIndex>()
  const core = createCore(standardOrCode, specs, options, (spec) => {
    const index = keyIndexFor(spec, options.spill)
    indexes.set(spec, index)
    return index
  })
  const { standard, rules, tallies, readable, counts } = core
  // Per rule, the index of a uniqueness rule (undefined for the others).
  const ruleIndexes = specs.map((spec) => (spec.kind === 'unique' ? indexes.get(spec) : undefined))
  return {
    add: core.add,
    merge(part) {
      counts.rows += part.rows
      counts.unreadable += part.unreadable
      mergeTally(readable, part.readable)
      part.tallies.forEach((state, i) => mergeTally(tallies[i] as RuleTally, state))
      part.keys.forEach((batch, i) => {
        const index = ruleIndexes[i]
        const rule = rules[i] as CompiledRule
        if (batch !== null && index !== undefined) {
          applyKeys(batch, index, rule.fields, tallies[i] as RuleTally)
        }
      })
    },
    finish() {
      ruleIndexes.forEach((index, i) => {
        if (index !== undefined)
          resolveSpilled(index, rules[i] as CompiledRule, tallies[i] as RuleTally)
      })
      const results: RuleResult[] = [
        { rule: describe(READABLE_RULE), tally: readable },
        ...rules.map((rule, i) => ({ rule: describe(rule), tally: tallies[i] as RuleTally })),
      ]
      return buildReport({
        standard,
        runAt: options.runAt,
        rows: counts.rows,
        unreadableRows: counts.unreadable,
        results,
      })
    },
    close() {
      for (const index of indexes.values()) index.close()
    },
  }
}

/**
 * The check of one part of a file: every rule but uniqueness counts as in a whole run;
 * uniqueness keys are recorded (each passed for now) for the whole run's merge to decide.
 */
export function createPartRun(
  standardOrCode: DataStandard | string,
  specs: readonly QualityRuleSpec[],
  options: QualityRunOptions,
): PartRun {
  const recorders = new Map<UniqueRuleSpec, ReturnType<typeof createKeyRecorder>>()
  const core = createCore(standardOrCode, specs, options, (spec) => {
    const recorder = createKeyRecorder()
    recorders.set(spec, recorder)
    return recorder
  })
  return {
    add: core.add,
    addFields: core.addFields,
    take() {
      const state: PartState = {
        rows: core.counts.rows,
        unreadable: core.counts.unreadable,
        readable: tallyState(core.readable),
        tallies: core.tallies.map(tallyState),
        keys: specs.map((spec) =>
          spec.kind === 'unique' ? (recorders.get(spec)?.take() ?? null) : null,
        ),
      }
      core.counts.rows = 0
      core.counts.unreadable = 0
      for (const tally of [core.readable, ...core.tallies]) resetTally(tally)
      return state
    },
  }
}

/** Counts the spilled keys that repeat an earlier one, as firstLine would have at once. */
function resolveSpilled(index: KeyIndex, rule: CompiledRule, tally: RuleTally): void {
  index.resolve((line, first, text) => {
    // The row was counted as passed when its key went to disk.
    tally.passed--
    const failure = duplicateFailure(first)
    countFailure(tally, failure, line, () => ({
      line,
      values: keyValues(rule.fields, text),
      ...failure,
    }))
  })
}

/** Decides a part's uniqueness keys against the whole run's index, correcting its counts. */
function applyKeys(
  batch: KeyBatch,
  index: KeyIndex,
  fields: readonly string[],
  tally: RuleTally,
): void {
  for (let i = 0; i < batch.lines.length; i++) {
    const line = batch.lines[i] as number
    const hash = { hi: batch.hashes[2 * i] as number, lo: batch.hashes[2 * i + 1] as number }
    // An exact or spilling index reads the key's text; a hashed one needs the hash alone.
    const first = index.firstLine(index.mode === 'hashed' ? '' : keyText(batch, i), line, hash)
    if (first === undefined) continue
    // The part counted the row as passed.
    tally.passed--
    const failure = duplicateFailure(first)
    countFailure(tally, failure, line, () => ({
      line,
      values: keyValues(fields, keyText(batch, i)),
      ...failure,
    }))
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
      const line = view.line
      countFailure(tally, outcome, line, () => ({ line, values: values(), reason, message }))
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
  countFailure(readable, failure, event.line, () => ({
    line: event.line,
    values: {},
    ...failure,
    ...(raw === undefined ? {} : { raw }),
  }))
  for (const tally of completeness) countFailure(tally, UNREADABLE_FAILURE, event.line)
}

function describe(rule: Omit<CompiledRule, 'check'>): RuleResult['rule'] {
  const { id, kind, name, dimension, element, fields } = rule
  const scope = element === null ? 'row' : 'element'
  return { id, kind, name, dimension, scope, element, fields, note: rule.note?.() ?? null }
}
