import type { LocalizedMessage } from '../../platform/i18n/i18n.js'
import type { AnalysisRow } from './insight.tables.js'

const parsed = <T>(json: string | null): T | null =>
  json === null ? null : (JSON.parse(json) as T)

/** An analysis as listed: what it reads, where it stands. */
export const toAnalysisSummary = (row: AnalysisRow) => ({
  id: row.id,
  departmentId: row.department_id,
  source: row.source_kind,
  logId: row.log_id,
  status: row.status,
  progress: parsed<{ step: string }>(row.progress_json),
  error:
    row.error_code === null
      ? null
      : {
          code: row.error_code,
          message: parsed<LocalizedMessage>(row.error_json) ?? { zh: '', en: '' },
        },
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
})

/** An analysis with its request, and once done its result and the issues found in its log. */
export const toAnalysisView = (row: AnalysisRow) => ({
  ...toAnalysisSummary(row),
  request: parsed<unknown>(row.request_json),
  // The stored JSON is the analysis's own output; the response schema serialises its shape.
  result: parsed<{
    counts: { cases: number; events: number; activities: number; variants: number }
  }>(row.result_json),
  issues: parsed<{ issues: []; counts: Record<string, number>; total: number }>(row.issues_json),
})
