import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Transaction } from 'kysely'
import { systemActor } from '../../platform/auth/principal.js'
import type { RootDb } from '../../platform/db/database.js'
import type { PreparedJobHandler } from '../../platform/jobs/job-runner.js'
import { governanceDb, type GovernanceDeps } from './governance.deps.js'
import type { RunSettler } from './run-settle.js'
import type { UploadStore } from './upload-store.js'
import { upkeepStore } from './upkeep.store.js'

/** The recurring job that settles stalled runs and removes uploads no run needs any more. */
export const UPKEEP_JOB = 'governance.upkeep'
const INTERVAL_MS = 3_600_000
const DAY_MS = 86_400_000
/** Stalled runs looked at per kind and round. */
const RUNS_PER_ROUND = 1000
const HASH = /^[0-9a-f]{64}$/

export interface UpkeepReport {
  settledRuns: number
  deletedUploads: string[]
  keptUploads: number
  removedTemporary: number
}

/**
 * Upkeep, hourly: runs whose job stopped are failed (run-settle.ts); a kept upload is deleted
 * (audited) once no queued or running run needs it and `uploadRetentionDays` have passed since
 * it was last uploaded or used by a run; temporary files a crash left behind go after a day.
 */
export function createUpkeep(deps: GovernanceDeps, uploads: UploadStore, settle: RunSettler) {
  const db = governanceDb(deps)
  const retentionMs = (deps.uploadRetentionDays ?? 7) * DAY_MS

  async function settleRuns(): Promise<number> {
    let settled = 0
    for (const [kind, table] of [
      ['check', 'governance_check_runs'],
      ['dedup', 'governance_dedup_runs'],
    ] as const) {
      const pending = await upkeepStore.pendingRuns(db, table, RUNS_PER_ROUND)
      const after = await settle(kind, pending)
      settled += after.filter((r) => r.status === 'failed').length
    }
    return settled
  }

  async function deleteUpload(hash: string, lastUsedAt: string, runs: number) {
    await rm(uploads.pathOf(hash), { force: true })
    await db.transaction().execute((trx) =>
      deps.audit.record(trx, systemActor('governance:upkeep'), {
        action: 'governance.upload.deleted',
        subject: { type: 'governance_upload', id: hash },
        after: { lastUsedAt, runs, retentionDays: retentionMs / DAY_MS },
      }),
    )
  }

  async function sweepUploads(now: Date) {
    const names = (await readdir(uploads.dir).catch(() => [])).filter((n) => HASH.test(n))
    const uses = await upkeepStore.uploadUses(db, names)
    const deleted: string[] = []
    for (const hash of names) {
      const use = uses.get(hash)
      if (use?.pending) continue
      const uploaded = (await stat(uploads.pathOf(hash))).mtime.toISOString()
      const last = [uploaded, use?.lastUsedAt ?? ''].sort().at(-1) ?? uploaded
      if (now.getTime() - Date.parse(last) <= retentionMs) continue
      await deleteUpload(hash, last, use?.runs ?? 0)
      deleted.push(hash)
    }
    return { deleted, kept: names.length - deleted.length }
  }

  /** Temporary files older than a day: a receive or a run that died before cleaning up. */
  async function sweepTemporary(): Promise<number> {
    const names = await readdir(uploads.tmp).catch(() => [])
    let removed = 0
    for (const name of names) {
      const path = join(uploads.tmp, name)
      // File times are the file system's, so they are compared with its clock, not the app's.
      const age = Date.now() - (await stat(path)).mtimeMs
      if (age > DAY_MS) {
        // A run's folder of spilled keys is removed with what is in it.
        await rm(path, { recursive: true, force: true })
        removed++
      }
    }
    return removed
  }

  async function sweep(): Promise<UpkeepReport> {
    const settledRuns = await settleRuns()
    const { deleted, kept } = await sweepUploads(deps.clock.now())
    const removedTemporary = await sweepTemporary()
    if (deleted.length + settledRuns + removedTemporary > 0)
      deps.logger.info(
        { settledRuns, deleted: deleted.length, removedTemporary },
        'governance upkeep',
      )
    return { settledRuns, deletedUploads: deleted, keptUploads: kept, removedTemporary }
  }

  /** Queues the next round at the next whole interval (once, whoever asks). */
  async function schedule(on: Transaction<unknown> | RootDb): Promise<void> {
    const next = Math.ceil((deps.clock.now().getTime() + 1) / INTERVAL_MS) * INTERVAL_MS
    await deps.queue.enqueue(on, {
      kind: UPKEEP_JOB,
      payload: { round: next },
      runAt: new Date(next),
      dedupeKey: `governance-upkeep:${next}`,
    })
  }

  const job: PreparedJobHandler<UpkeepReport> = {
    prepare: () => sweep(),
    commit: (ctx) => schedule(ctx.trx),
  }

  return {
    sweep,
    job,
    /** Makes sure a round is queued (called at start; each round queues the next). */
    start: () => schedule(deps.db),
  }
}

export type Upkeep = ReturnType<typeof createUpkeep>
