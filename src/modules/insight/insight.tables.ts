/** An uploaded event log: the file is kept encrypted at rest under its SM3 hash. */
export interface LogTable {
  id: string
  /** The department the log was uploaded for (its analysts may use it). */
  department_id: string
  file_name: string
  file_hash: string
  /** bigint: PostgreSQL returns it as a string. */
  file_size: number | string
  format: LogFormat
  /** The CSV column mapping (null for XES). */
  mapping_json: string | null
  uploaded_by: string | null
  created_at: string
  updated_at: string
}

export type LogFormat = 'xes' | 'csv'
export type AnalysisStatus = 'queued' | 'running' | 'done' | 'failed'
export type SourceKind = 'upload' | 'approval'

/** An analysis run as a durable job: what was asked, how far it came, and its result. */
export interface AnalysisTable {
  id: string
  department_id: string
  source_kind: SourceKind
  log_id: string | null
  /** The request as accepted (source filters, options, filters, SLA). */
  request_json: string
  /** The BPMN model to replay against, fixed when the analysis was asked for. */
  model_xml: string | null
  status: AnalysisStatus
  progress_json: string | null
  job_id: string | null
  error_code: string | null
  error_json: string | null
  result_json: string | null
  issues_json: string | null
  /** The discovered model (Inductive Miner → BPMN 2.0). */
  bpmn_xml: string | null
  requested_by: string | null
  started_at: string | null
  finished_at: string | null
  created_at: string
  updated_at: string
}

export interface InsightTables {
  insight_logs: LogTable
  insight_analyses: AnalysisTable
}

export type LogRow = LogTable
export type AnalysisRow = AnalysisTable
