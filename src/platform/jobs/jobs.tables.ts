export type JobStatus = 'queued' | 'running' | 'done' | 'failed'

export interface JobTable {
  id: string
  kind: string
  payload_json: string
  run_at: string
  status: JobStatus
  attempts: number
  max_attempts: number
  locked_by: string | null
  locked_until: string | null
  last_error: string | null
  dedupe_key: string | null
  created_at: string
  updated_at: string
}

export interface JobTables {
  platform_jobs: JobTable
}
