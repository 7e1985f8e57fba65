import type { Selectable } from 'kysely'

/** A policy: the stable identity of its revisions. */
export interface PolicyTable {
  id: string
  code: string
  department_code: string
  name_zh: string
  name_en: string
  /** 免申即享: eligible enterprises get a grant record without applying. */
  exempt_application: number
  /** Set once a revision is published; matching uses that revision. */
  published_revision: number | null
  latest_revision: number
  created_at: string
  updated_at: string
}

/** One authored revision of a policy document; frozen once published. */
export interface PolicyRevisionTable {
  id: string
  policy_id: string
  revision: number
  state: 'draft' | 'published' | 'superseded'
  /** How it was authored: `yaml` (with any DMN files it refers to in `files_json`). */
  format: string
  source: string
  /** `{ [file name]: DMN XML }` */
  files_json: string
  created_by: string | null
  published_at: string | null
  published_by: string | null
  created_at: string
  updated_at: string
}

/**
 * An enterprise as matching sees it: the platform's own record (when registered) and the figures
 * declared or imported for it, each with its source and date, in one document read per match.
 */
export interface PolicyEnterpriseTable {
  credit_code: string
  enterprise_id: string | null
  name: string
  /** `{ [fact]: { value, source, asOf, recordedAt } }` */
  facts_json: string
  facts_version: number
  /** 1 while its matches are out of date (a fact or a published policy changed). */
  dirty: number
  created_at: string
  updated_at: string
}

/** The last evaluation of one enterprise against every published policy, with explanations. */
export interface PolicyEvaluationTable {
  credit_code: string
  facts_version: number
  /** The facts read, as they were: explanations show their values. */
  facts_json: string
  /** Compact per-policy results (policy-results.ts). */
  results_json: string
  evaluated_at: string
}

/** An enterprise that qualifies, or may qualify, for a policy: statistics, notices, grants. */
export interface PolicyMatchTable {
  credit_code: string
  policy_code: string
  revision: number
  outcome: 'eligible' | 'possibly_eligible'
  amount: string | null
  need_json: string
  deadline: string | null
  matched_at: string
}

/** A notice sent about a policy revision: never twice to one enterprise. */
export interface PolicyNoticeTable {
  id: string
  credit_code: string
  policy_code: string
  revision: number
  /** `sms` when sent; `no_contact` when the enterprise has no registered contact. */
  delivery: string
  recipient_masked: string | null
  created_at: string
}

/** An enterprise that asked for no notices: of one policy, or `*` for all. */
export interface PolicyOptOutTable {
  credit_code: string
  policy_code: string
  created_at: string
}

/** A benefit granted without application (免申即享), pending the issuing department's approval. */
export interface PolicyGrantTable {
  id: string
  credit_code: string
  policy_code: string
  revision: number
  department_code: string
  amount: string | null
  status: 'pending' | 'approved' | 'rejected'
  reason: string | null
  decided_by: string | null
  decided_at: string | null
  created_at: string
  updated_at: string
}

/** One row: whether a matching run is scheduled (so changes enqueue at most one). */
export interface PolicyMatchStateTable {
  id: number
  scheduled: number
  updated_at: string
}

export interface PolicyTables {
  policy_policies: PolicyTable
  policy_revisions: PolicyRevisionTable
  policy_enterprises: PolicyEnterpriseTable
  policy_evaluations: PolicyEvaluationTable
  policy_matches: PolicyMatchTable
  policy_notices: PolicyNoticeTable
  policy_opt_outs: PolicyOptOutTable
  policy_grants: PolicyGrantTable
  policy_match_state: PolicyMatchStateTable
}

export type PolicyRow = Selectable<PolicyTable>
export type PolicyRevisionRow = Selectable<PolicyRevisionTable>
export type PolicyEnterpriseRow = Selectable<PolicyEnterpriseTable>
export type PolicyGrantRow = Selectable<PolicyGrantTable>
