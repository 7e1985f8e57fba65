import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import { DomainError } from '../../platform/errors.js'
import { toRunSummary, toRunView } from './check-run-view.js'
import type { DatasetAccess } from './dataset-access.js'
import { governanceDb, type GovernanceDeps } from './governance.deps.js'
import { governanceStore } from './governance.store.js'
import { outlierStore } from './outlier.store.js'
import type { CheckRunRow, ScoreScope } from './governance.tables.js'
import { CHECK_JOB, RUN_ATTEMPTS } from './run-jobs.js'
import { createRunSettler } from './run-settle.js'
import { cleanFileName, sniffUpload } from './sniff-upload.js'
import type { ReceivedFile, UploadStore } from './upload-store.js'

export interface TrendQuery {
  scope?: ScoreScope
  key?: string
  limit?: number
}

/** Quality checks: a file uploaded to a dataset becomes a queued run, then scores over time. */
export function createCheckRuns(deps: GovernanceDeps, access: DatasetAccess, uploads: UploadStore) {
  const db = governanceDb(deps)
  const settle = createRunSettler(deps)

  /** A run as it stands: one whose job stopped is shown (and recorded) as failed. */
  async function runOf(actor: Actor, id: string) {
    const found = await governanceStore.findCheckRun(db, id)
    if (!found) throw new DomainError('GOVERNANCE_RUN_NOT_FOUND', { id })
    const dataset = await access.byId(actor, 'governance.result.read', found.dataset_id)
    const [run = found] = await settle('check', [found])
    return { run, dataset }
  }

  return {
    /**
     * Takes a received file for a dataset: refuses what is not CSV, XLSX or JSON lines, keeps it
     * by its SM3 hash and queues the check (job, run and audit in one transaction).
     */
    async start(actor: Actor, code: string, upload: { fileName?: string; file: ReceivedFile }) {
      const dataset = await access.byCode(actor, 'governance.check.run', code)
      const fileName = cleanFileName(upload.fileName, `${dataset.code}.data`)
      const kind = sniffUpload(upload.file, fileName)
      await uploads.keep(upload.file)
      const at = deps.clock.now().toISOString()
      const row: CheckRunRow = {
        id: uuidv7(),
        dataset_id: dataset.id,
        file_name: fileName,
        file_hash: upload.file.hash,
        file_size: upload.file.size,
        file_kind: kind,
        status: 'queued',
        job_id: null,
        error_code: null,
        error_json: null,
        requested_by: actor.principal?.id ?? null,
        started_at: null,
        finished_at: null,
        created_at: at,
        updated_at: at,
        rows: null,
        unreadable_rows: null,
        score: null,
        standard_version: null,
      }
      await db.transaction().execute(async (trx) => {
        row.job_id = await deps.queue.enqueue(trx, {
          kind: CHECK_JOB,
          payload: { runId: row.id },
          maxAttempts: RUN_ATTEMPTS,
        })
        await governanceStore.insertCheckRun(trx, row)
        await deps.audit.record(trx, actor, {
          action: 'governance.check.requested',
          subject: { type: 'governance_check_run', id: row.id },
          after: {
            dataset: dataset.code,
            file: fileName,
            hash: row.file_hash,
            size: row.file_size,
          },
        })
      })
      return toRunSummary(row, dataset)
    },

    /** A run: its status, and once done its scores and sampled failures. */
    async get(actor: Actor, id: string) {
      const { run, dataset } = await runOf(actor, id)
      const scores = await governanceStore.listScoresOf(db, run.id)
      const samples = await governanceStore.listSamplesOf(db, run.id)
      const outliers = await outlierStore.listOf(db, run.id)
      return toRunView(deps.cipher, run, dataset, scores, samples, outliers)
    },

    /** The latest runs of a dataset, newest first. */
    async list(actor: Actor, code: string, limit: number) {
      const dataset = await access.byCode(actor, 'governance.result.read', code)
      const rows = await governanceStore.listCheckRuns(db, dataset.id, limit)
      return (await settle('check', rows)).map((row) => toRunSummary(row, dataset))
    },

    /** One score of a dataset over its finished runs, oldest first (the dataset score by default). */
    async trend(actor: Actor, code: string, query: TrendQuery) {
      const dataset = await access.byCode(actor, 'governance.result.read', code)
      const scope = query.scope ?? 'dataset'
      const key = scope === 'dataset' ? '' : (query.key ?? '')
      const points = await governanceStore.trend(db, dataset.id, scope, key, query.limit ?? 100)
      return {
        dataset: dataset.code,
        scope,
        key,
        points: points.map((p) => ({
          runId: p.run_id,
          at: p.measured_at,
          score: p.score,
          checks: p.checks,
          failed: p.failed,
        })),
      }
    },
  }
}

export type CheckRuns = ReturnType<typeof createCheckRuns>
