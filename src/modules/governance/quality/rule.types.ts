import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'
import type { CrossCheckId } from '../standards/index.js'

/** The quality dimensions a rule measures. */
export type QualityDimension =
  'completeness' | 'validity' | 'consistency' | 'uniqueness' | 'timeliness' | 'reference'

export const QUALITY_DIMENSIONS: readonly QualityDimension[] = [
  'completeness',
  'validity',
  'consistency',
  'uniqueness',
  'timeliness',
  'reference',
]

/** What every rule spec has; `element` makes the rule count towards that element's score. */
interface RuleBase {
  id: string
  name?: LocalizedMessage
}

/** Completeness: a required element has a value. */
export interface RequiredRuleSpec extends RuleBase {
  kind: 'required'
  element: string
}

/** Validity: a present value passes the element's length, type, format and code-set checks. */
export interface ValidRuleSpec extends RuleBase {
  kind: 'valid'
  element: string
}

/** Consistency between two elements, implemented in TypeScript (see CrossCheck for fields). */
export interface CrossCheckRuleSpec extends RuleBase {
  kind: 'cross_check'
  check: CrossCheckId
  fields: readonly [string, string]
  element?: string
}

/**
 * A FEEL expression over the row's elements that must be true. Integer and decimal elements
 * are numbers, every other element a string (dates 'YYYY-MM-DD' as written), an empty one null.
 */
export interface FeelRuleSpec extends RuleBase {
  kind: 'feel'
  dimension: QualityDimension
  expression: string
  /** Elements the rule reads; default: every element key the expression mentions. */
  fields?: readonly string[]
  element?: string
  /** 'skip' (default): a row with any of the fields empty is not checked; 'evaluate': it is. */
  onEmpty?: 'skip' | 'evaluate'
  /** Shown when the expression is false; default names the rule. */
  message?: LocalizedMessage
}

/** Uniqueness of a key of one or more elements; later occurrences fail. */
export interface UniqueRuleSpec extends RuleBase {
  kind: 'unique'
  fields: readonly string[]
  element?: string
  /** Keys kept exactly before switching to 64-bit hashes (default 100,000). */
  exactLimit?: number
  /**
   * Without a spill place (QualityRunOptions.spill): hashes kept at most, later new keys not
   * remembered (default 16,000,000). With one, keys past the memory budget go to disk instead.
   */
  hashLimit?: number
}

/** Timeliness: a date element is at most maxAgeDays before the reference date. */
export interface TimelyRuleSpec extends RuleBase {
  kind: 'timely'
  element: string
  maxAgeDays: number
  /** 'YYYY-MM-DD'; default the run's date in China time. */
  referenceDate?: string
}

/** Reference: the value exists in another dataset (e.g. its keys). */
export interface ReferenceRuleSpec extends RuleBase {
  kind: 'reference'
  element: string
  dataset: LocalizedMessage
  values: { has(value: string): boolean }
}

export type QualityRuleSpec =
  | RequiredRuleSpec
  | ValidRuleSpec
  | CrossCheckRuleSpec
  | FeelRuleSpec
  | UniqueRuleSpec
  | TimelyRuleSpec
  | ReferenceRuleSpec

export type RuleKind = QualityRuleSpec['kind'] | 'readable'

/** A failed check: a stable reason code and a message. */
export interface RuleFailure {
  reason: string
  message: LocalizedMessage
}

/** 'pass', 'skip' (not applicable to this row: not counted), or the failure. */
export type RuleOutcome = 'pass' | 'skip' | RuleFailure

/** One row as rules see it: element values (trimmed, mapped, empty → null). */
export interface RowView {
  readonly line: number
  readonly values: Readonly<Record<string, string | null>>
  /** The FEEL context of the row, built once on first use. */
  feelContext(): Record<string, unknown>
}

/** A rule ready to run; stateful rules (uniqueness) belong to one run. */
export interface CompiledRule {
  readonly id: string
  readonly kind: RuleKind
  readonly name: LocalizedMessage
  readonly dimension: QualityDimension
  /** The element the rule is counted for, or null for a row-level rule. */
  readonly element: string | null
  /** Elements whose values a failure sample shows. */
  readonly fields: readonly string[]
  check(row: RowView): RuleOutcome
  /** A note for the report, e.g. that a uniqueness rule stopped remembering keys. */
  note?(): LocalizedMessage | null
}
