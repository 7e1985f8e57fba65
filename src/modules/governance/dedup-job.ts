import { basename } from 'node:path'
import type { Transaction } from 'kysely'
import { systemActor } from '../../platform/auth/principal.js'
import type { JobContext, PreparedJobHandler } from '../../platform/jobs/job-runner.js'
import { narrowDecisions, pairRows, toClusterRow, toDecision } from './cluster-rows.js'
import type { MemberRecord } from './cluster-rows.js'
import { readDedupRecords } from './dedup-records.js'
import { dedupSetupOf } from './dedup-setup.js'
import { applyReviewDecisions, findDuplicates } from './dedup/index.js'
import type { DedupRecord, DedupResult } from './dedup/index.js'
import { governanceDb, type GovernanceDeps } from './governance.deps.js'
import { governanceStore } from './governance.store.js'
import type { DedupRunRow, GovernanceTables } from './governance.tables.js'
import { failureOf, INTERNAL_FAILURE, RunFailed, type RunFailure } from './quality-check.js'
import { RUN_ATTEMPTS } from './run-jobs.js'
import { WRITE_FAILURE, writeOrFail } from './run-outcome.js'
import type { FileInput } from './input/index.js'
import type { UploadSource, UploadStore } from './upload-store.js'

type Trx = Transaction<GovernanceTables>

interface Found {
  ok: true
  result: DedupResult
  members: Map<string, MemberRecord>
  unreadable: number
}
type Prepared = Found | { ok: false; failure: RunFailure } | { skip: true }

const UNSUPPORTED: RunFailure = {
  code: 'GOVERNANCE_DEDUP_UNSUPPORTED',
  message: {
    zh: '数据集的数据标准不是人口或法人数据，不能查重',
    en: "The dataset's standard holds neither persons nor enterprises",
  },
}

const orNull = (fields: DedupRecord['fields']): Record<string, string | null> =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v ?? null]))

const summaryOf = (found: Found) => ({
  allPairs: found.result.allPairs,
  unreadableRows: found.unreadable,
  blocks: found.result.blockStats,
  model: {
    lambda: found.result.model.lambda,
    iterations: found.result.model.iterations,
    converged: found.result.model.converged,
    weights: found.result.model.weights,
  },
})

/**
 * The `governance.dedup` job. Prepare (no transaction held): read the file's records and find
 * duplicates. Commit (one transaction): apply the dataset's kept review decisions, store the
 * matched pairs and the clusters, finish the run and audit it.
 */
export function createDedupJob(
  deps: GovernanceDeps,
  uploads: UploadStore,
): PreparedJobHandler<Prepared> {
  const db = governanceDb(deps)
  const max = deps.maxDedupRecords ?? 200_000

  async function find(path: FileInput, columns: Record<string, string>, standard: string) {
    const setup = dedupSetupOf(standard)
    if (!setup) throw new RunFailed(UNSUPPORTED)
    const input = await readDedupRecords(path, setup, columns, max)
    const result = findDuplicates(input.records, setup.config)
    const members = new Map<string, MemberRecord>(
      input.records.map((r) => [
        r.id,
        { id: r.id, line: input.lines.get(r.id) ?? null, fields: orNull(r.fields) },
      ]),
    )
    return { ok: true as const, result, members, unreadable: input.unreadable }
  }

  async function prepare(runId: string, attempt: number): Promise<Prepared> {
    const run = await governanceStore.findDedupRun(db, runId)
    const dataset = run && (await governanceStore.findDatasetById(db, run.dataset_id))
    if (!run || !dataset || run.status === 'done' || run.status === 'failed') return { skip: true }
    const at = deps.clock.now().toISOString()
    await governanceStore.moveDedupRun(db, runId, ['queued', 'running'], {
      status: 'running',
      started_at: at,
      updated_at: at,
    })
    let opened: UploadSource | undefined
    try {
      opened = await uploads.source(run.file_hash)
      return await find(
        opened.input,
        JSON.parse(dataset.columns_json) as Record<string, string>,
        dataset.standard,
      )
    } catch (error) {
      const read = opened?.path ?? uploads.pathOf(run.file_hash)
      // Readers name the file by its path or its last part: either way, by the name uploaded.
      const failure = failureOf(error, basename(read), run.file_name)
      if (failure !== null) return { ok: false, failure }
      if (attempt < RUN_ATTEMPTS) throw error
      deps.logger.error({ err: error, runId }, 'governance dedup failed')
      return { ok: false, failure: INTERNAL_FAILURE }
    }
  }

  async function finish(trx: Trx, run: DedupRunRow, found: Found, at: string) {
    const kept = (await governanceStore.listDecisions(trx, run.dataset_id)).map(toDecision)
    const decisions = narrowDecisions(kept, (id) => found.members.has(id))
    const clusters = applyReviewDecisions(found.result.clusters, decisions)
    const moved = await governanceStore.moveDedupRun(trx, run.id, ['queued', 'running'], {
      status: 'done',
      records: found.members.size,
      pairs_compared: found.result.pairsCompared,
      possible_pairs: found.result.possiblePairs.length,
      clusters: clusters.length,
      summary_json: JSON.stringify(summaryOf(found)),
      decisions_json: JSON.stringify(decisions),
      finished_at: at,
      updated_at: at,
    })
    if (!moved) return null
    await governanceStore.insertPairs(trx, pairRows(run.id, found.result.clusters))
    await governanceStore.insertClusters(
      trx,
      clusters.map((c) => toClusterRow(deps.cipher, run.id, c, found.members)),
    )
    return clusters.length
  }

  async function commit(
    ctx: JobContext,
    runId: string,
    prepared: Found | { ok: false; failure: RunFailure },
  ) {
    const trx = ctx.trx as unknown as Trx
    const run = await governanceStore.findDedupRun(trx, runId)
    if (!run) return
    const at = deps.clock.now().toISOString()
    const audit = (action: string, after: unknown) =>
      deps.audit.record(trx, systemActor(`job:${ctx.jobId}`), {
        action,
        subject: { type: 'governance_dedup_run', id: runId },
        after,
      })
    const fail = async ({ code, message }: RunFailure) => {
      const moved = await governanceStore.moveDedupRun(trx, runId, ['queued', 'running'], {
        status: 'failed',
        error_code: code,
        error_json: JSON.stringify(message),
        finished_at: at,
        updated_at: at,
      })
      if (moved) await audit('governance.dedup.failed', { code })
    }
    if (!prepared.ok) return fail(prepared.failure)
    const write = async () => {
      const clusters = await finish(trx, run, prepared, at)
      if (clusters !== null)
        await audit('governance.dedup.finished', { records: prepared.members.size, clusters })
    }
    await writeOrFail(ctx.trx, ctx.attempt >= RUN_ATTEMPTS, write, async (error) => {
      deps.logger.error({ err: error, runId }, 'governance dedup result could not be stored')
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
