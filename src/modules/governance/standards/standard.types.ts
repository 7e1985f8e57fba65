import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'

/** How an element's value is read: text, whole or decimal number, calendar date, or a code. */
export type ElementType = 'string' | 'integer' | 'decimal' | 'date' | 'code'

/**
 * Format validators an element may name. 'uscc' is another name for 'gb32100'; 'phone' takes a
 * mobile or a landline; 'gb4754' is an industry code (section letter, optional 2–4 digits).
 */
export type ElementFormat =
  | 'gb11643'
  | 'gb32100'
  | 'uscc'
  | 'mobile'
  | 'landline'
  | 'phone'
  | 'date'
  | 'amount'
  | 'division'
  | 'gb4754'

/** One data element (数据元) of a standard. */
export interface DataElement {
  /** Field name in rows, snake_case or camelCase: 'id_number'. */
  key: string
  name: LocalizedMessage
  type: ElementType
  required: boolean
  format?: ElementFormat
  /** A national code set id from code-mapping ('sex', 'ethnicity'…), or 'division' for GB/T 2260. */
  codeSet?: string
  /** Longest value in characters (code points). */
  maxLength?: number
}

/** Cross-element checks built into the platform, implemented in TypeScript. */
export type CrossCheckId = 'id_birth_date_match' | 'id_sex_match' | 'address_division_match'

/**
 * A cross-element check a standard asks for. fields: [ID number, birth date] for
 * id_birth_date_match, [ID number, sex] for id_sex_match, [address, division] for
 * address_division_match.
 */
export interface CrossCheck {
  check: CrossCheckId
  fields: readonly [string, string]
}

/** A data standard: elements plus the cross-element checks and unique keys it implies. */
export interface DataStandard {
  /** Stable identifier: 'population', 'legal_person'. */
  code: string
  name: LocalizedMessage
  version: string
  elements: readonly DataElement[]
  crossChecks: readonly CrossCheck[]
  /** Each entry is a key (one or more element keys) no two rows may share. */
  uniqueKeys: readonly (readonly string[])[]
  /**
   * Elements whose values group the rows when numeric fields are judged for outliers (a
   * registered capital is compared with others of its industry, not with every enterprise).
   */
  outlierGroups?: readonly string[]
}

/** An element value's check: passed, or a stable reason code and a message. */
export type ValueCheck = { ok: true } | { ok: false; reason: string; message: LocalizedMessage }

/** What validators need to know about "now": the run's date in China Standard Time. */
export interface ValidationContext {
  /** 'YYYY-MM-DD'; dates after it are in the future. */
  today: string
}
