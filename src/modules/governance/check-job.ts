import { basename } from 'node:path'
import type { Transaction } from 'kysely'
import { systemActor } from '../../platform/auth/principal.js'
import type { FieldCipher } from '../../platform/crypto/index.js'
import type { JobContext, PreparedJobHandler } from '../../platform/jobs/job-runner.js'
import type { RuleDetail, SampleSecret } from './check-run-view.js'
import { governanceDb, type GovernanceDeps } from './governance.deps.js'
import { governanceStore } from './governance.store.js'
import type { GovernanceTables, ScoreTable, FailureSampleTable } from './governance.tables.js'
import { summarise, type QualityReport, type ScoreSummary } from './quality/index.js'
import type { FieldOutliers } from './anomaly/index.js'
import { raiseOutliersRise } from './outlier-alert.js'
import { measureOutliers, outlierConfigOf, outlierRows } from './outlier-check.js'
import { outlierStore } from './outlier.store.js'
import { raiseQualityDrop } from './quality-alert.js'
import { checkFile, failureOf, INTERNAL_FAILURE, type CheckOutcome } from './quality-check.js'
import type { RunFailure } from './quality-check.js'
import { RUN_ATTEMPTS } from './run-jobs.js'
import { WRITE_FAILURE, writeOrFail } from './run-outcome.js'
import type { UploadSource, UploadStore } from './upload-store.js'

type Trx = Transaction<GovernanceTables>
/** The check's outcome, and the outliers of the dataset's numeric fields when it has any. */
type Checked = CheckOutcome & { outliers?: FieldOutliers[] }
type Prepared = Checked | { skip: true }

function scoreRows(runId: string, datasetId: string, report: QualityReport): ScoreTable[] {
  const row = (scope: ScoreTable['scope'], key: string, s: ScoreSummary, detail?: RuleDetail) => ({
    run_id: runId,
    dataset_id: datasetId,
    scope,
    key,
    score: s.score,
    rules: s.rules,
    checks: s.checks,
    failed: s.failed,
    detail_json: detail === undefined ? null : JSON.stringify(detail),
    measured_at: report.runAt,
  })
  return [
    row('dataset', '', { ...summarise(report.rules), score: report.score }),
    ...Object.entries(report.dimensions).map(([key, s]) => row('dimension', key, s)),
    ...Object.entries(report.elements).map(([key, s]) => row('element', key, s)),
    ...report.rules.map((r) => {
      const { kind, name, dimension, element, fields, passed, skipped, reasons, note } = r
      const detail = {
        kind,
        name,
        dimension,
        element,
        fields: [...fields],
        passed,
        skipped,
        reasons,
        note,
      }
      return row(
        'rule',
        r.id,
        { score: r.score, rules: 1, checks: r.checks, failed: r.failed },
        detail,
      )
    }),
  ]
}

function sampleRows(
  cipher: FieldCipher,
  runId: string,
  report: QualityReport,
): FailureSampleTable[] {
  return report.rules.flatMap((rule) =>
    rule.samples.map((s, seq) => {
      const secret: SampleSecret = {
        values: s.values,
        ...(s.raw === undefined ? {} : { raw: s.raw }),
      }
      return {
        run_id: runId,
        rule_id: rule.id,
        seq,
        line: s.line,
        reason: s.reason,
        message_zh: s.message.zh,
        message_en: s.message.en,
        values_token: cipher.encrypt(JSON.stringify(secret)),
      }
    }),
  )
}

/**
 * The `governance.check` job. Prepare (no transaction held): mark the run running, stream its file
 * through the quality rules. Commit (one transaction): scores and samples, or the failure, the
 * run's outcome, the audit record, and a quality-drop alert when the score fell.
 */
export function createCheckJob(
  deps: GovernanceDeps,
  uploads: UploadStore,
): PreparedJobHandler<Prepared> {
  const db = governanceDb(deps)
  const samplesPerRule = deps.samplesPerRule ?? 20

  async function prepare(runId: string, attempt: number): Promise<Prepared> {
    const run = await governanceStore.findCheckRun(db, runId)
    const dataset = run && (await governanceStore.findDatasetById(db, run.dataset_id))
    if (!run || !dataset || run.status === 'done' || run.status === 'failed') return { skip: true }
    const runAt = deps.clock.now()
    const at = runAt.toISOString()
    await governanceStore.moveCheckRun(db, runId, ['queued', 'running'], {
      status: 'running',
      started_at: at,
      updated_at: at,
    })
    let opened: UploadSource | undefined
    try {
      opened = await uploads.source(run.file_hash)
      const report = await checkFile({
        path: opened.input,
        fileName: run.file_name,
        standard: dataset.standard,
        columns: JSON.parse(dataset.columns_json) as Record<string, string>,
        runAt,
        samplesPerRule,
        tempDir: uploads.tmp,
      })
      const config = outlierConfigOf(dataset)
      const outliers = config ? await measureOutliers(opened.input, config) : []
      return { ok: true, report, outliers }
    } catch (error) {
      const read = opened?.path ?? uploads.pathOf(run.file_hash)
      // Readers name the file by its path or its last part: either way, by the name uploaded.
      const failure = failureOf(error, basename(read), run.file_name)
      if (failure !== null) return { ok: false, failure }
      // A fault of ours: retried, and on the last attempt the run fails rather than stays running.
      if (attempt < RUN_ATTEMPTS) throw error
      deps.logger.error({ err: error, runId }, 'governance check failed')
      return { ok: false, failure: INTERNAL_FAILURE }
    }
  }

  async function commit(ctx: JobContext, runId: string, outcome: Checked): Promise<void> {
    const trx = ctx.trx as unknown as Trx
    const run = await governanceStore.findCheckRun(trx, runId)
    const dataset = run && (await governanceStore.findDatasetById(trx, run.dataset_id))
    if (!run || !dataset) return
    const actor = systemActor(`job:${ctx.jobId}`)
    const at = deps.clock.now().toISOString()
    const subject = { type: 'governance_check_run', id: runId }
    const fail = async (failure: RunFailure) => {
      const moved = await governanceStore.moveCheckRun(trx, runId, ['queued', 'running'], {
        status: 'failed',
        error_code: failure.code,
        error_json: JSON.stringify(failure.message),
        finished_at: at,
        updated_at: at,
      })
      if (moved)
        await deps.audit.record(trx, actor, {
          action: 'governance.check.failed',
          subject,
          after: { dataset: dataset.code, code: failure.code },
        })
    }
    if (!outcome.ok) return fail(outcome.failure)
    const { report } = outcome
    const finish = async () => {
      const moved = await governanceStore.moveCheckRun(trx, runId, ['queued', 'running'], {
        status: 'done',
        rows: report.rows,
        unreadable_rows: report.unreadableRows,
        score: report.score,
        standard_version: report.standard.version,
        finished_at: at,
        updated_at: at,
      })
      if (!moved) return
      await governanceStore.insertScores(trx, scoreRows(runId, dataset.id, report))
      await governanceStore.insertSamples(trx, sampleRows(deps.cipher, runId, report))
      const outliers = outcome.outliers ?? []
      await outlierStore.insertResults(
        trx,
        outlierRows(deps.cipher, runId, dataset.id, report.runAt, outliers),
      )
      await deps.audit.record(trx, actor, {
        action: 'governance.check.finished',
        subject,
        after: { dataset: dataset.code, score: report.score, rows: report.rows },
      })
      await raiseQualityDrop(trx, deps, actor, { runId, dataset, report })
      await raiseOutliersRise(trx, deps, actor, { runId, dataset, results: outliers })
    }
    await writeOrFail(ctx.trx, ctx.attempt >= RUN_ATTEMPTS, finish, async (error) => {
      deps.logger.error({ err: error, runId }, 'governance check result could not be stored')
      await fail(WRITE_FAILURE)
    })
  }

  const runIdOf = (payload: unknown) => (payload as { runId: string }).runId
  return {
    prepare: ({ payload, attempt }) => prepare(runIdOf(payload), attempt),
    commit: async (ctx, prepared) => {
      if ('skip' in prepared) return
      await commit(ctx, runIdOf(ctx.payload), prepared)
    },
  }
}
