/** Quality rules and scores: streaming checks of rows against a standard, with bounded samples. */

export type {
  CompiledRule,
  CrossCheckRuleSpec,
  FeelRuleSpec,
  QualityDimension,
  QualityRuleSpec,
  ReferenceRuleSpec,
  RequiredRuleSpec,
  RowView,
  RuleFailure,
  RuleKind,
  RuleOutcome,
  TimelyRuleSpec,
  UniqueRuleSpec,
  ValidRuleSpec,
} from './rule.types.js'
// QUALITY_DIMENSIONS: completeness, validity, consistency, uniqueness, timeliness, reference.
export { QUALITY_DIMENSIONS } from './rule.types.js'

// createQualityRun(standard | code, rules, { runAt, columns?, codeMappings?, samplesPerRule?, seed?, spill? }) → { add(event), finish() → report, close() }.
export { createQualityRun } from './quality-run.js'
export type { QualityRun, QualityRunOptions } from './quality-run.js'
// checkFileRows(path | byte source, { standard, specs, runOptions(header), keySpill? }) → report of a file, in worker threads
// for large CSV files (same report as one pass).
export { checkFileRows } from './check-file.js'
export type { FileCheck, FileCheckOptions } from './check-file.js'
// createPartRun(…) → a run over part of a file; QualityRun.merge(part.take()) adds it to the whole.
export { createPartRun } from './quality-run.js'
export type { PartRun, PartState } from './quality-run.js'
// standardRules(standard) → <key>.required, <key>.valid, cross checks and <keys>.unique specs.
export { standardRules } from './standard-rules.js'
// checkRules(standard, rules) → issues naming the rule and field (FEEL syntax with position).
export { checkRules, READABLE_RULE_ID } from './check-rules.js'
// compileRules(standard, rules, { today }) → compiled rules for one run; throws QualityRuleError.
export { compileRules } from './compile-rules.js'
// QualityRuleError: thrown for a bad rule set or mapping; issues[] with rule, field, zh and en.
export { QualityRuleError } from './rule-errors.js'
export type { RuleIssue } from './rule-errors.js'
// checkRowShape(standard, { columns, codeMappings }) → issues naming each bad element or code.
export { checkRowShape } from './row-values.js'
export type { RowShape } from './row-values.js'
// mentionedElements(expression, standard) → element keys a FEEL expression reads.
export { mentionedElements } from './feel-rule.js'

// QualityReport: scores 0–100 overall, per dimension, per element, per rule, with samples.
export { SCORING, summarise } from './quality-report.js'
export type { QualityReport, RuleReport, ScoreSummary } from './quality-report.js'
// toScorePoint(report) → { at, standard, score, dimensions, elements } for the score history.
export { toScorePoint } from './quality-report.js'
export type { ScorePoint } from './quality-report.js'
export type { FailureSample } from './rule-tally.js'

// createKeyIndex({ exactLimit, hashLimit }) → first line of a key; exact, then 64-bit hashes.
export { createKeyIndex } from './key-index.js'
export type { KeyIndex, KeyIndexLimits } from './key-index.js'
// createReservoir(size, random) → uniform bounded sample; createRandom(seed) → seeded floats.
export { createRandom, createReservoir } from './random.js'
export type { Reservoir } from './random.js'

// generatePopulationRows({ count, seed, errorRate }) → deterministic 人口 rows with planted errors.
export { generatePopulationRows, PLANTED_ERROR_KINDS } from './population-generator.js'
export type {
  GeneratedRow,
  PlantedError,
  PlantedErrorKind,
  PopulationGeneratorOptions,
} from './population-generator.js'
// toCsvLine(fields) → one RFC 4180 record, for writing generated rows.
export { toCsvLine } from './csv-line.js'
