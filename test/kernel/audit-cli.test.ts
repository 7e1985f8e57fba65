import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app.js'
import { systemActor } from '../../src/platform/auth/principal.js'
import { loadConfig } from '../../src/platform/config.js'
import { openDatabase } from '../../src/platform/db/database.js'
import { TEST_SECRET } from '../support/app.js'
import { runCliInProcess } from '../support/cli-in-process.js'
import pino from 'pino'

const run = promisify(execFile)

describe('tongban audit verify', () => {
  it('passes on an intact chain and names the record modified directly in the database', async () => {
    const settings = {
      TONGBAN_DATA_DIR: mkdtempSync(join(tmpdir(), 'tongban-audit-')),
      TONGBAN_SECRET: TEST_SECRET,
      TONGBAN_PASSWORD_HASH_COST: '10',
      TONGBAN_LOG_LEVEL: 'silent',
    }
    const env = { ...process.env, ...settings }
    const config = loadConfig(env)
    const app = await buildApp({ config, logger: pino({ level: 'silent' }) })
    for (let i = 0; i < 3; i++) {
      await app.database.db.transaction().execute((trx) =>
        app.audit.record(trx, systemActor(`cli-${i}`), {
          action: 'test.cli',
          subject: { type: 'thing', id: String(i) },
          after: { i },
        }),
      )
    }
    await app.close()
    const cli = (args: string[]) => run(process.execPath, ['bin/tongban.js', ...args], { env })

    const ok = await cli(['audit', 'verify'])
    expect(ok.stdout).toContain('audit chain OK: 3 records')

    const db = openDatabase({ sqlitePath: config.sqlitePath })
    const second = await db.db
      .selectFrom('platform_audit_records')
      .select(['seq', 'id'])
      .orderBy('seq')
      .offset(1)
      .limit(1)
      .executeTakeFirstOrThrow()
    await db.db
      .updateTable('platform_audit_records')
      .set({ actor_kind: 'forged' })
      .where('seq', '=', second.seq)
      .execute()
    await db.close()

    // The same command line in this process: spawning a second binary proves nothing more.
    const failed = await runCliInProcess(['audit', 'verify'], settings)
    expect(failed.code).toBe(1)
    expect(failed.stderr).toContain(`seq=${second.seq} id=${second.id}: hash_mismatch`)
    rmSync(env.TONGBAN_DATA_DIR, { recursive: true, force: true })
  }, 60_000)
})
