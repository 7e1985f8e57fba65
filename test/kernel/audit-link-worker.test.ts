import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildApp, type App } from '../../src/app.js'
import { chainHash } from '../../src/platform/audit/audit-chain.js'
import { SEAL_BATCH } from '../../src/platform/audit/audit-sealer.js'
import { createAuditTrail } from '../../src/platform/audit/audit-trail.js'
import type { AuditTables } from '../../src/platform/audit/audit.tables.js'
import { systemActor } from '../../src/platform/auth/principal.js'
import { fixedClock } from '../../src/platform/clock.js'
import { loadConfig } from '../../src/platform/config.js'
import { moduleDb, SQLITE_DRIVER } from '../../src/platform/db/database.js'
import { startLinkWorker } from '../../src/platform/audit/link-worker.js'
import { TEST_SECRET } from '../support/app.js'

/**
 * A file database seals through the link worker (its own read-only connection computes the
 * links; the main connection writes them). In-memory databases, which the other audit tests use,
 * seal on the main connection only.
 */
describe('audit sealing through the link worker (SQLite file)', () => {
  let dir: string
  let app: App
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tongban-link-worker-'))
    const config = loadConfig({
      TONGBAN_SECRET: TEST_SECRET,
      TONGBAN_PASSWORD_HASH_COST: '10',
      TONGBAN_DATA_DIR: dir,
      TONGBAN_LOG_LEVEL: 'silent',
    })
    app = await buildApp({
      config,
      logger: pino({ level: 'silent' }),
      clock: fixedClock('2026-03-02T01:00:00Z', 1),
    })
  })
  afterEach(async () => {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const write = (trail: App['audit'], n: number, tag: string) =>
    app.database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < n; i++)
        await trail.record(trx, systemActor(`${tag}-${i}`), {
          action: 'test.worker',
          subject: { type: 'thing', id: `${tag}-${i}` },
          // Non-ASCII content: the worker's JSON and hashing must match the main thread's.
          after: { n: i, note: `第${i}稿 "quoted" \\ ✓` },
        })
    })

  it('uses a file database, so the worker path is the one under test', () => {
    expect(app.database.sqliteFile).toMatch(/\.db$|\.sqlite$/)
  })

  it('chains records in batches with the same links the main thread computes', async () => {
    await write(app.audit, SEAL_BATCH * 2 + 3, 'w')
    expect(await app.audit.seal()).toBe(SEAL_BATCH * 2 + 3)
    const rows = await moduleDb<AuditTables>(app.database.db)
      .selectFrom('platform_audit_records')
      .selectAll()
      .orderBy('chain_pos')
      .execute()
    for (const row of rows)
      expect(chainHash({ ...row, prev_hash: row.prev_hash ?? '' })).toBe(row.hash)
    expect(await app.audit.verify()).toMatchObject({ ok: true })
  })

  it('keeps one chain when a second sealer (the CLI) seals at the same time', async () => {
    const other = createAuditTrail({ database: app.database, clock: app.clock })
    try {
      const writes = Array.from({ length: 12 }, (_, i) =>
        write(i % 2 ? other : app.audit, 40, `c${i}`),
      )
      const seals = Array.from({ length: 6 }, (_, i) => (i % 2 ? other : app.audit).seal())
      await Promise.all([...writes, ...seals])
      await other.seal()
      const before = await app.audit.verify()
      expect(before).toMatchObject({ ok: true, firstBad: null })
      const total = await app.database.db
        .selectFrom('platform_audit_records')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      expect(before.checked).toBe(Number(total.n))
    } finally {
      await other.close()
    }
  })

  it('still names a modified record', async () => {
    await write(app.audit, 10, 'm')
    await app.audit.seal()
    const fifth = await app.database.db
      .selectFrom('platform_audit_records')
      .select(['seq', 'id'])
      .where('subject_id', '=', 'm-4')
      .executeTakeFirstOrThrow()
    await app.database.db
      .updateTable('platform_audit_records')
      .set({ after_json: '{"n":999}' })
      .where('seq', '=', fifth.seq)
      .execute()
    expect((await app.audit.verify()).firstBad).toMatchObject({
      reason: 'hash_mismatch',
      id: fifth.id,
    })
  })
})

describe('the link worker thread', () => {
  it('fails a request instead of hanging when the thread dies, and reports it is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-link-worker-dead-'))
    try {
      const worker = startLinkWorker({
        path: join(dir, 'missing.db'),
        driver: SQLITE_DRIVER,
        pendingSql: 'select * from no_such_table where seq > ?',
      })
      await expect(
        worker.links({ last_hash: '0'.repeat(64), last_pos: 0, last_seq: 0 }),
      ).rejects.toThrow()
      expect(worker.alive).toBe(false)
      await worker.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
