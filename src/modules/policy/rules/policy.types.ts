import type { DecisionTable } from './decision-table.types.js'

/** Bilingual text: zh-CN first, English beside it. */
export type LocalizedText = { zh: string; en: string }

/** The value types a fact may have; dates are ISO `YYYY-MM-DD` strings in facts and documents. */
export type FactType = 'number' | 'string' | 'boolean' | 'date' | 'list-of-string'

export const FACT_TYPES: readonly FactType[] = [
  'number',
  'string',
  'boolean',
  'date',
  'list-of-string',
]

/** A fact a policy reads about an enterprise (or person); its name is a FEEL variable. */
export type FactDeclaration = {
  readonly name: string
  readonly type: FactType
  /** Unit of a number: CNY, 万元, 人, ㎡, ratio … */
  readonly unit?: string
  readonly label: LocalizedText
  /** For strings and lists of strings: the only values allowed. */
  readonly values?: readonly string[]
}

/** One named eligibility criterion, a FEEL expression that should yield true or false. */
export type ConditionSpec = {
  readonly id: string
  readonly description: LocalizedText
  readonly expression: string
}

/** Where a decision table came from, for messages: inline YAML or a DMN file's decision. */
export type TableSource =
  | { readonly kind: 'inline' }
  | { readonly kind: 'dmn'; readonly file: string; readonly decision: string }

/**
 * A decision table whose result is a FEEL variable named `name` for later decisions, conditions,
 * the amount and the outcome (one output → its value, several → a context, COLLECT → a list).
 */
export type DecisionSpec = {
  readonly name: string
  readonly description?: LocalizedText
  readonly table: DecisionTable
  readonly source: TableSource
}

/** The money (or other quantity) a policy grants, rounded half-up to `scale` decimals. */
export type AmountSpec = {
  readonly expression: string
  readonly unit: string
  readonly scale: number
}

/** The rules in force between two dates (both inclusive; validTo null = open-ended). */
export type PolicyVersion = {
  readonly validFrom: string
  readonly validTo: string | null
  /** The document that set this version's rules, when it differs from the policy's. */
  readonly documentNumber?: string
  readonly decisions: readonly DecisionSpec[]
  readonly eligibility: readonly ConditionSpec[]
  readonly amount: AmountSpec | null
  /** A label the policy yields besides eligibility (e.g. 中型 / 小型 / 微型). */
  readonly outcome: string | null
}

export type EligibilityStatus = 'eligible' | 'possibly_eligible' | 'not_eligible'

export const ELIGIBILITY_STATUSES: readonly EligibilityStatus[] = [
  'eligible',
  'possibly_eligible',
  'not_eligible',
]

/** What a test case expects; fields left out are not compared. */
export type PolicyTestExpectation = {
  readonly status: EligibilityStatus
  /** An exact decimal (string or number); null = no amount. */
  readonly amount?: string | null
  readonly outcome?: unknown
  /** The facts reported missing, in any order. */
  readonly need?: readonly string[]
}

/** Facts in → expected result, evaluated on a date (`on`) like OpenFisca's YAML tests. */
export type PolicyTestCase = {
  readonly name: string
  readonly on: string
  readonly facts: Readonly<Record<string, unknown>>
  readonly expect: PolicyTestExpectation
}

/** A published policy: who issued it, what it reads, its dated rule versions and its tests. */
export type PolicyDocument = {
  readonly code: string
  readonly name: LocalizedText
  /** Code of the issuing department (identity's department codes). */
  readonly department: string
  /** 文号 of the policy document, e.g. 财政部 税务总局公告2023年第12号. */
  readonly documentNumber: string
  /** Documents the policy implements or is modelled on. */
  readonly basis: readonly string[]
  readonly effective: { readonly from: string; readonly to: string | null }
  /** 免申即享: granted without an application once the enterprise is found eligible. */
  readonly exemptApplication: boolean
  readonly facts: readonly FactDeclaration[]
  readonly versions: readonly PolicyVersion[]
  readonly tests: readonly PolicyTestCase[]
}

/** The name the evaluation date has inside FEEL (a FEEL date). */
export const EVALUATION_DATE = 'evaluationDate'
