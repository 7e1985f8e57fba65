import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Transaction } from 'kysely'
import { systemActor } from '../../platform/auth/principal.js'
import type { RootDb } from '../../platform/db/database.js'
import type { PreparedJobHandler } from '../../platform/jobs/job-runner.js'
import type { UploadStore } from '../governance/index.js'
import { insightDb, type InsightDeps } from './insight.deps.js'
import { insightStore } from './insight.store.js'

/** The recurring job deleting uploaded logs past their retention. */
export const INSIGHT_UPKEEP_JOB = 'insight.upkeep'
const INTERVAL_MS = 3_600_000
const DAY_MS = 86_400_000
const HASH = /^[0-9a-f]{64}$/

export interface InsightUpkeepReport {
  deletedUploads: string[]
  keptUploads: number
  removedTemporary: number
}

/**
 * Hourly: an uploaded log's file is deleted (audited) once no queued or running analysis needs
 * it and `uploadRetentionDays` have passed since it was last uploaded or analysed; its row stays,
 * and an analysis asked for later fails as unreadable. Temporary files older than a day go too.
 */
export function createInsightUpkeep(deps: InsightDeps, uploads: UploadStore) {
  const db = insightDb(deps)
  const retentionMs = (deps.uploadRetentionDays ?? 7) * DAY_MS

  async function deleteUpload(hash: string, lastUsedAt: string) {
    await rm(uploads.pathOf(hash), { force: true })
    await db.transaction().execute((trx) =>
      deps.audit.record(trx, systemActor('insight:upkeep'), {
        action: 'insight.upload.deleted',
        subject: { type: 'insight_upload', id: hash },
        after: { lastUsedAt, retentionDays: retentionMs / DAY_MS },
      }),
    )
  }

  async function sweepUploads(now: Date) {
    const names = (await readdir(uploads.dir).catch(() => [])).filter((n) => HASH.test(n))
    const uses = await insightStore.uploadUses(db, names)
    const deleted: string[] = []
    for (const hash of names) {
      const use = uses.get(hash)
      if (use?.pending) continue
      const uploaded = (await stat(uploads.pathOf(hash))).mtime.toISOString()
      const last = [uploaded, use?.lastUsedAt ?? ''].sort().at(-1) ?? uploaded
      if (now.getTime() - Date.parse(last) <= retentionMs) continue
      await deleteUpload(hash, last)
      deleted.push(hash)
    }
    return { deleted, kept: names.length - deleted.length }
  }

  async function sweepTemporary(): Promise<number> {
    let removed = 0
    for (const dir of [uploads.tmp, join(deps.dataDir, 'insight', 'tmp')]) {
      for (const name of await readdir(dir).catch(() => [])) {
        const path = join(dir, name)
        // File times are the file system's, so they are compared with its clock, not the app's.
        if (Date.now() - (await stat(path)).mtimeMs > DAY_MS) {
          await rm(path, { force: true })
          removed++
        }
      }
    }
    return removed
  }

  async function sweep(): Promise<InsightUpkeepReport> {
    const { deleted, kept } = await sweepUploads(deps.clock.now())
    const removedTemporary = await sweepTemporary()
    if (deleted.length + removedTemporary > 0)
      deps.logger.info({ deleted: deleted.length, removedTemporary }, 'insight upkeep')
    return { deletedUploads: deleted, keptUploads: kept, removedTemporary }
  }

  async function schedule(on: Transaction<unknown> | RootDb): Promise<void> {
    const next = Math.ceil((deps.clock.now().getTime() + 1) / INTERVAL_MS) * INTERVAL_MS
    await deps.queue.enqueue(on, {
      kind: INSIGHT_UPKEEP_JOB,
      payload: { round: next },
      runAt: new Date(next),
      dedupeKey: `insight-upkeep:${next}`,
    })
  }

  const job: PreparedJobHandler<InsightUpkeepReport> = {
    prepare: () => sweep(),
    commit: (ctx) => schedule(ctx.trx),
  }

  return { sweep, job, start: () => schedule(deps.db) }
}

export type InsightUpkeep = ReturnType<typeof createInsightUpkeep>
