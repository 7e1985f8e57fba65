import type { Transaction } from 'kysely'
import { systemActor } from '../../platform/auth/principal.js'
import type { LocalizedMessage } from '../../platform/i18n/i18n.js'
import { message } from '../../platform/i18n/i18n.js'
import type { JobContext, PreparedJobHandler } from '../../platform/jobs/job-runner.js'
import type { UploadStore } from '../governance/index.js'
import { ANALYSIS_ATTEMPTS, type StoredRequest } from './analysis.service.js'
import { historyScope, readApprovalHistory } from './approval-history.js'
import { readCsv, type CsvMapping } from './import/read-csv.js'
import { readXes } from './import/read-xes.js'
import type { ReadProgress } from './import/text-source.js'
import { insightDb, type InsightDeps } from './insight.deps.js'
import { insightStore } from './insight.store.js'
import type { AnalysisRow, InsightTables } from './insight.tables.js'
import type { BuiltLog } from './log/log-builder.js'
import { LogFileError } from './log/log-messages.js'
import { runAnalysis, type AnalysisOutcome } from './run-analysis.js'

type Failure = { code: string; message: LocalizedMessage }
type Prepared =
  { ok: true; outcome: AnalysisOutcome } | { ok: false; failure: Failure } | { skip: true }

const PROGRESS_EVERY_MS = 500

/**
 * The `insight.analysis` job. Prepare (no transaction held): mark the analysis running, read its
 * log (the uploaded file decrypted for the run, or the approval history), analyse, reporting
 * progress. Commit (one transaction): the result, the log's issues and the discovered model, or
 * the failure; the audit record.
 */
export function createAnalysisJob(
  deps: InsightDeps,
  uploads: UploadStore,
): PreparedJobHandler<Prepared> {
  const db = insightDb(deps)

  function reporter(id: string) {
    let last = 0
    return (progress: { step: string } & Record<string, number | string>, force = false) => {
      const now = Date.now()
      if (!force && now - last < PROGRESS_EVERY_MS) return
      last = now
      void insightStore
        .setProgress(db, id, progress, deps.clock.now().toISOString())
        .catch((err: unknown) => deps.logger.warn({ err, id }, 'analysis progress not stored'))
    }
  }

  async function readLog(
    row: AnalysisRow,
    request: StoredRequest,
    report: ReturnType<typeof reporter>,
  ) {
    const onProgress = (p: ReadProgress) => report({ step: 'reading', ...p })
    if (request.source.kind === 'approval') {
      const departments = request.departmentIds ?? [row.department_id]
      return readApprovalHistory(
        deps.approvalLog,
        historyScope(request.source, departments),
        (events) => report({ step: 'reading', events }),
      )
    }
    const log = row.log_id === null ? undefined : await insightStore.findLog(db, row.log_id)
    if (!log) throw new LogFileError('INSIGHT_LOG_UNREADABLE')
    // Decrypted as it is read: no plaintext copy of the log on disk. A file gone from disk
    // (deleted, or another instance's disk) or failing its tag cannot be read: not retried.
    const opened = await uploads.source(log.file_hash).catch(() => {
      throw new LogFileError('INSIGHT_LOG_UNREADABLE')
    })
    if (log.format === 'xes') return await readXes(opened.input, { onProgress })
    const { delimiter, ...mapping } = JSON.parse(log.mapping_json ?? '{}') as CsvMapping & {
      delimiter?: string
    }
    return await readCsv(opened.input, {
      mapping,
      onProgress,
      ...(delimiter === undefined ? {} : { delimiter }),
    })
  }

  async function prepare(id: string, attempt: number): Promise<Prepared> {
    const row = await insightStore.findAnalysis(db, id)
    if (!row || row.status === 'done' || row.status === 'failed') return { skip: true }
    const at = deps.clock.now().toISOString()
    await insightStore.moveAnalysis(db, id, ['queued', 'running'], {
      status: 'running',
      started_at: row.started_at ?? at,
      progress_json: JSON.stringify({ step: 'reading' }),
      updated_at: at,
    })
    const report = reporter(id)
    try {
      const request = JSON.parse(row.request_json) as StoredRequest
      const read: BuiltLog = await readLog(row, request, report)
      const outcome = await runAnalysis(
        read,
        request,
        row.model_xml,
        deps.calendar(),
        (step) => report({ step }, true),
        row.source_kind === 'approval',
      )
      return { ok: true, outcome }
    } catch (error) {
      if (error instanceof LogFileError)
        return { ok: false, failure: { code: error.code, message: error.localized } }
      if (error instanceof RangeError)
        return {
          ok: false,
          failure: {
            code: 'INSIGHT_FILTER_INVALID',
            message: { zh: error.message, en: error.message },
          },
        }
      if (attempt < ANALYSIS_ATTEMPTS) throw error
      deps.logger.error({ err: error, id }, 'insight analysis failed')
      const code = 'INSIGHT_ANALYSIS_INTERNAL'
      return { ok: false, failure: { code, message: message(`error.${code}`) } }
    }
  }

  async function commit(ctx: JobContext, id: string, prepared: Exclude<Prepared, { skip: true }>) {
    const trx = ctx.trx as unknown as Transaction<InsightTables>
    const at = deps.clock.now().toISOString()
    const actor = systemActor(`job:${ctx.jobId}`)
    const subject = { type: 'insight_analysis', id }
    const done = prepared.ok
      ? {
          status: 'done' as const,
          result_json: JSON.stringify(prepared.outcome.result),
          issues_json: JSON.stringify(prepared.outcome.issues),
          bpmn_xml: prepared.outcome.bpmn,
          progress_json: JSON.stringify({ step: 'done' }),
        }
      : {
          status: 'failed' as const,
          error_code: prepared.failure.code,
          error_json: JSON.stringify(prepared.failure.message),
          progress_json: JSON.stringify({ step: 'failed' }),
        }
    const moved = await insightStore.moveAnalysis(trx, id, ['queued', 'running'], {
      ...done,
      finished_at: at,
      updated_at: at,
    })
    if (!moved) return
    await deps.audit.record(trx, actor, {
      action: prepared.ok ? 'insight.analysis.finished' : 'insight.analysis.failed',
      subject,
      after: prepared.ok
        ? { counts: prepared.outcome.result.counts, issues: prepared.outcome.issues.total }
        : { code: prepared.failure.code },
    })
  }

  const idOf = (payload: unknown) => (payload as { analysisId: string }).analysisId
  return {
    prepare: ({ payload, attempt }) => prepare(idOf(payload), attempt),
    commit: async (ctx, prepared) => {
      if ('skip' in prepared) return
      await commit(ctx, idOf(ctx.payload), prepared)
    },
  }
}
