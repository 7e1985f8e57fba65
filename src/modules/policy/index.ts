/** 惠企政策精准匹配 / 免申即享: policy documents, DMN decision tables, eligibility with explanations. */

// Document model: a policy with dated versions, declared facts, conditions, decisions, amount, tests.
export type {
  AmountSpec,
  ConditionSpec,
  DecisionSpec,
  EligibilityStatus,
  FactDeclaration,
  FactType,
  LocalizedText,
  PolicyDocument,
  PolicyTestCase,
  PolicyTestExpectation,
  PolicyVersion,
  TableSource,
} from './rules/policy.types.js'
// EVALUATION_DATE: the FEEL name of the date a policy is evaluated on ('evaluationDate').
export { ELIGIBILITY_STATUSES, EVALUATION_DATE, FACT_TYPES } from './rules/policy.types.js'
// PolicyIssue: { path (JSON pointer), code, message {zh,en}, feel?: {line,column,snippet}, source?, related? }.
export type {
  FeelLocation,
  IssueSource,
  PolicyIssue,
  PolicyIssueCode,
} from './rules/policy-issues.js'

// loadPolicyYaml(text, { readFile }) → { ok, document, policy } | { ok: false, issues } (YAML positions added).
export { loadPolicyYaml } from './rules/load-policy.js'
export type { LoadPolicyOptions, LoadPolicyResult } from './rules/load-policy.js'
// readPolicyDocument(value, dmnLibrary?) → the typed document or its shape issues (for JSON input).
export { readPolicyDocument } from './rules/read-document.js'
export type { ReadResult } from './rules/read-document.js'
export type { DmnLibrary } from './rules/read-table.js'

// compilePolicy(document) → { ok, policy } | issues: every expression and table compiled once.
export { compilePolicy, versionOn } from './rules/compile-policy.js'
export type {
  CompiledPolicy,
  CompiledVersion,
  CompilePolicyResult,
} from './rules/compile-policy.js'
// evaluatePolicy(policy, facts, { on } | { taxYear }) → status, need, per-condition explanation, amount.
export { evaluatePolicy } from './rules/evaluate-policy.js'
export type {
  ConditionExplanation,
  ConditionStatus,
  DecisionExplanation,
  EvaluateOptions,
  EvaluationError,
  PolicyEvaluation,
} from './rules/evaluate-policy.js'
// isEligible(policy, facts, on) → status only: the allocation-light path for batch matching.
export { isEligible, versionEligibility } from './rules/is-eligible.js'
// prepareFacts(facts, declarations, on) → date facts as FEEL dates, once per enterprise in a batch.
export { prepareFacts } from './rules/policy-context.js'

// runPolicyTests(policy) → per case pass/fail with differences; checkPublishable(document) → issues.
export { checkPublishable, runPolicyTests } from './rules/policy-tests.js'
export type { PolicyTestReport, PolicyTestResult, TestDifference } from './rules/policy-tests.js'

// DMN 1.3 decision tables: XML via dmn-moddle, or inline; all hit policies; UNIQUE overlap check.
export type {
  Aggregation,
  DecisionTable,
  HitPolicy,
  TableInput,
  TableOutput,
  TableRule,
} from './rules/decision-table.types.js'
export { AGGREGATIONS, HIT_POLICIES } from './rules/decision-table.types.js'
export { parseDmnXml } from './rules/dmn-xml.js'
export type { DmnDecision, DmnParseResult } from './rules/dmn-xml.js'
// compileDecisionTable(table, path, scope, issues) and evaluateDecisionTable(table, context).
export { compileDecisionTable } from './rules/compile-table.js'
export type { CompiledDecisionTable } from './rules/compile-table.js'
export type { NameScope } from './rules/feel-compile.js'
export { evaluateDecisionTable } from './rules/evaluate-table.js'
export type { TableResult } from './rules/evaluate-table.js'
// findTableOverlaps(table, inputTypes?) → rule pairs of a UNIQUE table that match one input.
export { findTableOverlaps } from './rules/table-overlap.js'
export type { TableOverlap } from './rules/table-overlap.js'

// The module: authoring, enterprise facts, the matching job, notices and 免申即享 grants, HTTP.
export { createPolicyModule } from './policy.module.js'
export type { PolicyModule } from './policy.module.js'
export type { PolicyDeps, PolicyParties } from './policy.deps.js'
export type { FactsInput, ImportRow } from './enterprise-facts.service.js'
/** This module's tables, in order. */
export { createPolicyTables } from './migrations/2026-11-29T2200-create-policy-tables.js'
import { createPolicyTables } from './migrations/2026-11-29T2200-create-policy-tables.js'
export const policyMigrations = [createPolicyTables]
