import type { Selectable } from 'kysely'

/** A dataset a department delivers: checked against one data standard, file by file. */
export interface DatasetTable {
  id: string
  code: string
  name: string
  /** The data standard's code, e.g. `population`. */
  standard: string
  department_code: string
  department_id: string
  source_system: string
  /** `{ [element key]: column name }` where the files name an element differently. */
  columns_json: string
  /** `{ fields, groupBy }`: numeric columns judged for outliers; null: the standard's. */
  outliers_json: string | null
  created_by: string | null
  created_at: string
  updated_at: string
}

export type RunStatus = 'queued' | 'running' | 'done' | 'failed'

/** What the run was given: an uploaded file, kept under the data directory by its SM3 hash. */
interface UploadedFileColumns {
  file_name: string
  file_hash: string
  file_size: number
  /** csv, xlsx or jsonl, as sniffed from the content at upload. */
  file_kind: string
}

/** Why a run failed: a stable code and `{ zh, en }`. */
interface RunOutcomeColumns {
  status: RunStatus
  /** The job working the run (null for runs queued before jobs were recorded). */
  job_id: string | null
  error_code: string | null
  error_json: string | null
  requested_by: string | null
  started_at: string | null
  finished_at: string | null
  created_at: string
  updated_at: string
}

/** One quality check of one file of a dataset. */
export interface CheckRunTable extends UploadedFileColumns, RunOutcomeColumns {
  id: string
  dataset_id: string
  /** Rows read, and rows the reader could not read. */
  rows: number | null
  unreadable_rows: number | null
  /** The dataset score 0–100 (null when no rule had a check). */
  score: number | null
  /** The standard's version the file was checked against. */
  standard_version: string | null
}

export type ScoreScope = 'dataset' | 'dimension' | 'element' | 'rule'

/** A run's scores, one row per scope and key, kept over time for the dataset's trends. */
export interface ScoreTable {
  run_id: string
  dataset_id: string
  scope: ScoreScope
  /** '' for the dataset, else the dimension, element key or rule id. */
  key: string
  score: number | null
  rules: number
  checks: number
  failed: number
  /** For a rule: kind, name, dimension, element, fields, passed, skipped, reasons, note. */
  detail_json: string | null
  /** The run's instant: the x axis of a trend. */
  measured_at: string
}

/** A failing row kept as an example: at most samplesPerRule per rule and run. */
export interface FailureSampleTable {
  run_id: string
  rule_id: string
  seq: number
  line: number
  reason: string
  message_zh: string
  message_en: string
  /** SM4 field token of `{ values, raw? }`: rows carry ID numbers, phones and addresses. */
  values_token: string
}

/** One duplicate-detection run over an uploaded file of a dataset. */
export interface DedupRunTable extends UploadedFileColumns, RunOutcomeColumns {
  id: string
  dataset_id: string
  /** person or enterprise: which comparison preset the dataset's standard maps to. */
  preset: string
  records: number | null
  pairs_compared: number | null
  possible_pairs: number | null
  clusters: number | null
  /** Block statistics and the trained model's weights. */
  summary_json: string | null
  /**
   * The dataset's kept decisions as they applied to this file (narrowed to its records) when the
   * run finished; decisions made on the run later are applied after them.
   */
  decisions_json: string | null
}

/** A matched pair of a dedup run, as scored: what clusters are rebuilt from after a decision. */
export interface DedupPairTable {
  run_id: string
  record_a: string
  record_b: string
  weight: number
  posterior: number
  /** `{ [field]: { level, weight } }` */
  fields_json: string
}

/** A cluster as the run's review decisions leave it; rewritten when a decision is made. */
export interface ClusterTable {
  run_id: string
  /** The smallest record id of the cluster. */
  cluster_id: string
  record_ids_json: string
  size: number
  confidence: number
  mean_posterior: number
  review: 'unreviewed' | 'confirmed'
  /** FieldEvidence[]: per field and level, how many of the cluster's pairs reached it. */
  evidence_json: string
  /** The cluster's scored pairs with per-field levels and weights. */
  edges_json: string
  /** SM4 field token of the members' `{ id, line, fields }`. */
  records_token: string
}

/** A reviewer's decision on a cluster, kept for the dataset and applied to every later run. */
export interface ReviewDecisionTable {
  id: string
  dataset_id: string
  run_id: string
  cluster_id: string
  decision: 'confirm' | 'split'
  /** The confirmed record ids, or the split's groups: string[][]. */
  groups_json: string
  reason: string
  decided_by: string
  decided_at: string
  created_at: string
}

/** One numeric field's outliers in one check run: counts, rate and a few examples. */
export interface OutlierResultTable {
  run_id: string
  dataset_id: string
  field: string
  group_by_json: string
  values_count: number
  skipped: number
  groups: number
  assessed_groups: number
  outliers: number
  rate: number
  /** SM4 field token of the examples (line, group, value, method, score, reason): ≤ 20. */
  sample_token: string
  measured_at: string
}

export type AlertKind = 'quality_drop' | 'outliers_rise'

/** Something about a dataset a data officer should look at. */
export interface AlertTable {
  id: string
  dataset_id: string
  run_id: string | null
  kind: AlertKind
  severity: 'warning' | 'critical'
  message_zh: string
  message_en: string
  detail_json: string
  raised_at: string
  acknowledged_by: string | null
  acknowledged_at: string | null
  acknowledge_note: string | null
  created_at: string
  updated_at: string
}

export interface GovernanceTables {
  governance_datasets: DatasetTable
  governance_check_runs: CheckRunTable
  governance_scores: ScoreTable
  governance_failure_samples: FailureSampleTable
  governance_dedup_runs: DedupRunTable
  governance_dedup_pairs: DedupPairTable
  governance_clusters: ClusterTable
  governance_review_decisions: ReviewDecisionTable
  governance_alerts: AlertTable
  governance_outlier_results: OutlierResultTable
}

export type DatasetRow = Selectable<DatasetTable>
export type CheckRunRow = Selectable<CheckRunTable>
export type ScoreRow = Selectable<ScoreTable>
export type FailureSampleRow = Selectable<FailureSampleTable>
export type DedupRunRow = Selectable<DedupRunTable>
export type DedupPairRow = Selectable<DedupPairTable>
export type ClusterRow = Selectable<ClusterTable>
export type ReviewDecisionRow = Selectable<ReviewDecisionTable>
export type AlertRow = Selectable<AlertTable>
export type OutlierResultRow = Selectable<OutlierResultTable>
