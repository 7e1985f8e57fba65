import type { FeelPosition } from '../../../platform/feel/index.js'
import type { LocalizedText } from './policy.types.js'

/** Stable codes of the problems a policy document can have; tests assert these, not messages. */
export type PolicyIssueCode =
  | 'POLICY_YAML_SYNTAX'
  | 'POLICY_FIELD_REQUIRED'
  | 'POLICY_FIELD_INVALID'
  | 'POLICY_FIELD_UNKNOWN'
  | 'POLICY_NAME_DUPLICATE'
  | 'POLICY_FEEL_SYNTAX'
  | 'POLICY_FEEL_UNSUPPORTED'
  | 'POLICY_NAME_UNDECLARED'
  | 'POLICY_VERSION_OVERLAP'
  | 'POLICY_VERSION_OUTSIDE_EFFECTIVE'
  | 'POLICY_TABLE_SHAPE'
  | 'POLICY_TABLE_OVERLAP'
  | 'POLICY_DMN_INVALID'
  | 'POLICY_DMN_NOT_FOUND'
  | 'POLICY_TEST_FACT_UNKNOWN'
  | 'POLICY_TEST_FACT_TYPE'
  | 'POLICY_TEST_FAILED'
  | 'POLICY_TESTS_MISSING'

/** The file (a DMN file; absent for the policy's own YAML) and, where known, the 1-based position. */
export type IssueSource = { file?: string; line?: number; column?: number }

/** Where inside a FEEL source the problem is (1-based line and column of the expression). */
export type FeelLocation = { line: number; column: number; snippet: string }

/**
 * One problem, located by a JSON pointer into the document (`/versions/0/eligibility/2/expression`),
 * for FEEL by line and column inside the expression, and — when loaded from YAML or DMN — by the
 * position of the offending node in that file.
 */
export type PolicyIssue = {
  path: string
  code: PolicyIssueCode
  message: LocalizedText
  feel?: FeelLocation
  source?: IssueSource
  /** Other places involved, as JSON pointers (e.g. the other rule of an overlapping pair). */
  related?: readonly string[]
}

export function issue(
  path: string,
  code: PolicyIssueCode,
  zh: string,
  en: string,
  feel?: FeelLocation,
): PolicyIssue {
  return feel === undefined
    ? { path, code, message: { zh, en } }
    : { path, code, message: { zh, en }, feel }
}

export function feelLocation(position: FeelPosition, snippet: string): FeelLocation {
  return { line: position.line, column: position.column, snippet }
}

/** Appends one reference token to a JSON pointer (RFC 6901 escaping). */
export function at(path: string, token: string | number): string {
  return `${path}/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`
}

/** The reference tokens of a JSON pointer, unescaped. */
export function tokensOf(path: string): string[] {
  if (path === '') return []
  return path
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
}
