import { systemActor } from '../../platform/auth/principal.js'
import type { JobState } from '../../platform/jobs/job-queue.js'
import { insightDb, type InsightDeps } from './insight.deps.js'
import { insightStore } from './insight.store.js'
import type { AnalysisRow } from './insight.tables.js'

const ABANDONED = {
  code: 'INSIGHT_ANALYSIS_ABANDONED',
  message: {
    zh: '执行该分析的后台任务已停止，分析未能完成；请重新创建分析，如仍失败请联系运维',
    en: 'The background job running this analysis stopped before it finished; ask for it again, and tell operations if it fails again',
  },
}

/** True when a pending analysis's job will never finish it (gone, ended, or died on its last try). */
function jobStopped(state: JobState | undefined, now: Date): boolean {
  if (state === undefined || state.status === 'failed' || state.status === 'done') return true
  return (
    state.status === 'running' &&
    state.attempts >= state.maxAttempts &&
    state.lockedUntil !== null &&
    state.lockedUntil < now.toISOString()
  )
}

/**
 * Analyses whose job stopped are failed (INSIGHT_ANALYSIS_ABANDONED, audited) rather than shown
 * `queued` or `running` for ever. Returns the rows as they now stand.
 */
export function createAnalysisSettler(deps: InsightDeps) {
  const db = insightDb(deps)

  async function fail(row: AnalysisRow, jobStatus: string, at: string) {
    const set = {
      status: 'failed' as const,
      error_code: ABANDONED.code,
      error_json: JSON.stringify(ABANDONED.message),
      finished_at: at,
      updated_at: at,
    }
    const moved = await db.transaction().execute(async (trx) => {
      const ok = await insightStore.moveAnalysis(trx, row.id, ['queued', 'running'], set)
      if (ok)
        await deps.audit.record(trx, systemActor('insight:settle'), {
          action: 'insight.analysis.failed',
          subject: { type: 'insight_analysis', id: row.id },
          after: { code: ABANDONED.code, job: row.job_id, jobStatus },
        })
      return ok
    })
    return moved ? { ...row, ...set } : row
  }

  return async function settle(rows: readonly AnalysisRow[]): Promise<AnalysisRow[]> {
    const pending = rows.filter(
      (r) => (r.status === 'queued' || r.status === 'running') && r.job_id !== null,
    )
    if (pending.length === 0) return [...rows]
    const states = await deps.queue.states(
      db,
      pending.map((r) => r.job_id ?? ''),
    )
    const now = deps.clock.now()
    const settled = new Map<string, AnalysisRow>()
    for (const row of pending) {
      const state = states.get(row.job_id ?? '')
      if (!jobStopped(state, now)) continue
      deps.logger.warn({ analysisId: row.id, jobId: row.job_id }, 'insight analysis abandoned')
      settled.set(row.id, await fail(row, state?.status ?? 'missing', now.toISOString()))
    }
    return rows.map((r) => settled.get(r.id) ?? r)
  }
}
