import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import { DomainError } from '../../platform/errors.js'
import { errorOf } from './check-run-view.js'
import { toClusterView } from './cluster-rows.js'
import type { DatasetAccess } from './dataset-access.js'
import { dedupSetupOf } from './dedup-setup.js'
import { governanceDb, type GovernanceDeps } from './governance.deps.js'
import { governanceStore } from './governance.store.js'
import type { DatasetRow, DedupRunRow } from './governance.tables.js'
import { DEDUP_JOB, RUN_ATTEMPTS } from './run-jobs.js'
import { createRunSettler } from './run-settle.js'

export const toDedupRunView = (row: DedupRunRow, dataset: DatasetRow) => ({
  id: row.id,
  dataset: dataset.code,
  status: row.status,
  preset: row.preset,
  file: { name: row.file_name, hash: row.file_hash, size: row.file_size, kind: row.file_kind },
  records: row.records,
  pairsCompared: row.pairs_compared,
  possiblePairs: row.possible_pairs,
  clusters: row.clusters,
  summary: row.summary_json === null ? null : (JSON.parse(row.summary_json) as unknown),
  error: errorOf(row),
  requestedAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
})

/** Duplicate detection on a file a dataset received: queued runs and their clusters. */
export function createDedupRuns(deps: GovernanceDeps, access: DatasetAccess) {
  const db = governanceDb(deps)
  const settle = createRunSettler(deps)

  /** A run as it stands: one whose job stopped is shown (and recorded) as failed. */
  async function runOf(actor: Actor, id: string) {
    const found = await governanceStore.findDedupRun(db, id)
    if (!found) throw new DomainError('GOVERNANCE_RUN_NOT_FOUND', { id })
    const dataset = await access.byId(actor, 'governance.result.read', found.dataset_id)
    const [run = found] = await settle('dedup', [found])
    return { run, dataset }
  }

  return {
    /** Queues a search for duplicates in a file the dataset received earlier (by its SM3 hash). */
    async start(actor: Actor, code: string, fileHash: string) {
      const dataset = await access.byCode(actor, 'governance.check.run', code)
      const setup = dedupSetupOf(dataset.standard)
      if (!setup)
        throw new DomainError('GOVERNANCE_DEDUP_UNSUPPORTED', { standard: dataset.standard })
      const upload = await governanceStore.findUpload(db, dataset.id, fileHash)
      if (!upload) throw new DomainError('GOVERNANCE_FILE_NOT_FOUND', { code })
      const at = deps.clock.now().toISOString()
      const row: DedupRunRow = {
        id: uuidv7(),
        dataset_id: dataset.id,
        preset: setup.preset,
        ...upload,
        status: 'queued',
        job_id: null,
        error_code: null,
        error_json: null,
        requested_by: actor.principal?.id ?? null,
        started_at: null,
        finished_at: null,
        created_at: at,
        updated_at: at,
        records: null,
        pairs_compared: null,
        possible_pairs: null,
        clusters: null,
        summary_json: null,
        decisions_json: null,
      }
      await db.transaction().execute(async (trx) => {
        row.job_id = await deps.queue.enqueue(trx, {
          kind: DEDUP_JOB,
          payload: { runId: row.id },
          maxAttempts: RUN_ATTEMPTS,
        })
        await governanceStore.insertDedupRun(trx, row)
        await deps.audit.record(trx, actor, {
          action: 'governance.dedup.requested',
          subject: { type: 'governance_dedup_run', id: row.id },
          after: { dataset: dataset.code, file: row.file_name, hash: row.file_hash },
        })
      })
      return toDedupRunView(row, dataset)
    },

    async get(actor: Actor, id: string) {
      const { run, dataset } = await runOf(actor, id)
      return toDedupRunView(run, dataset)
    },

    /** A page of the run's clusters: unreviewed first, least certain first. */
    async clusters(actor: Actor, id: string, page: { offset: number; limit: number }) {
      const { run } = await runOf(actor, id)
      const rows = await governanceStore.listClusters(db, run.id, page.offset, page.limit)
      return {
        runId: run.id,
        total: await governanceStore.countClusters(db, run.id),
        clusters: rows.map((row) => toClusterView(deps.cipher, row)),
      }
    },
  }
}

export type DedupRuns = ReturnType<typeof createDedupRuns>
