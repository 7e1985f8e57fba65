import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { buildApp, type App } from '../../src/app.js'
import { fixedClock } from '../../src/platform/clock.js'
import { loadConfig } from '../../src/platform/config.js'
import { openDatabase, type Database } from '../../src/platform/db/database.js'
import { TEST_SECRET } from '../support/app.js'
import { createTestDatabase, testDialects } from '../support/databases.js'
import { seedDemo } from '../support/demo.js'
import { YUNQI } from './policy-support.js'

describe.each(testDialects())('policy notices across restarts (%s)', (dialect) => {
  it('runs a matching left queued by a stopped server, and never texts twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-policy-restart-'))
    const sqlitePath = join(dir, 'tongban.db')
    const first = await createTestDatabase(dialect, sqlitePath)
    const config = loadConfig({
      TONGBAN_SECRET: TEST_SECRET,
      TONGBAN_PASSWORD_HASH_COST: '10',
      TONGBAN_DATA_DIR: dir,
      TONGBAN_LOG_LEVEL: 'silent',
    })
    // Each start is an hour after the last: jobs queued before a stop are due after it.
    let hour = 1
    const start = (database: Database) =>
      buildApp({
        config,
        database,
        logger: pino({ level: 'silent' }),
        clock: fixedClock(`2026-11-20T0${hour++}:00:00Z`, 1),
      })
    const reopen = () =>
      dialect === 'sqlite' ? openDatabase({ sqlitePath }) : openDatabase({ url: first.url })
    const notices = async (app: App) => ({
      notices: (await app.database.db.selectFrom('policy_notices').select('id').execute()).length,
      texts: (
        await app.database.db
          .selectFrom('platform_notifications')
          .select('id')
          .where('template', '=', 'policy.sms.eligible')
          .execute()
      ).length,
    })
    try {
      // Seeding publishes the policies and queues the matching; the server stops before it runs.
      let app = await start(first)
      await seedDemo(app)
      expect(await notices(app)).toEqual({ notices: 0, texts: 0 })
      await app.close()

      app = await start(reopen())
      await app.runner.drain()
      const sent = await notices(app)
      expect(sent.texts).toBeGreaterThan(0)
      expect(sent.notices).toBeGreaterThan(sent.texts) // imported-only enterprises have no contact
      await app.close()

      // After another restart every enterprise is matched again (as after a crash mid-run).
      app = await start(reopen())
      await app.database.db.updateTable('policy_enterprises').set({ dirty: 1 }).execute()
      await app.policy.facts.importFacts(
        {
          principal: {
            id: 'test-data-officer',
            kind: 'staff',
            sessionId: 'test',
            channel: 'web',
            assignments: [{ role: 'data_officer', departmentId: 'any' }],
          },
          requestId: 'restart-test',
          channel: 'web',
        },
        [{ creditCode: YUNQI, facts: { innovationScore: 90 }, asOf: '2025-12-31' }],
      )
      await app.runner.drain()
      const dirty = await app.database.db
        .selectFrom('policy_enterprises')
        .select('credit_code')
        .where('dirty', '=', 1)
        .execute()
      expect(dirty).toEqual([])
      const again = await notices(app)
      // Only the newly eligible high-tech result of 云栖 is new; nothing is sent twice.
      expect(again.texts).toBe(sent.texts + 1)
      expect(again.notices).toBe(sent.notices + 1)
      await app.close()
    } finally {
      await first.dispose()
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
