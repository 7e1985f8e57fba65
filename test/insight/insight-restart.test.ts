import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app.js'
import { fixedClock } from '../../src/platform/clock.js'
import { loadConfig } from '../../src/platform/config.js'
import { openDatabase, type Database } from '../../src/platform/db/database.js'
import { TEST_SECRET } from '../support/app.js'
import { createTestDatabase, testDialects } from '../support/databases.js'
import { bearer } from '../support/demo.js'
import {
  analystToken,
  api,
  getJson,
  seedAnalysts,
  TRACES,
  uploadLog,
  xesOf,
  type AnalysisView,
} from './insight-support.js'

describe.each(testDialects())('analyses across restarts (%s)', (dialect) => {
  it('runs an analysis left queued by a stopped server once the next one starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-insight-restart-'))
    const sqlitePath = join(dir, 'tongban.db')
    const first = await createTestDatabase(dialect, sqlitePath)
    const config = loadConfig({
      TONGBAN_SECRET: TEST_SECRET,
      TONGBAN_DATA_DIR: dir,
      TONGBAN_LOG_LEVEL: 'silent',
      TONGBAN_AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    })
    let hour = 1
    const start = (database: Database) =>
      buildApp({
        config,
        database,
        logger: pino({ level: 'silent' }),
        clock: fixedClock(`2026-11-20T0${hour++}:00:00Z`, 1),
      })
    try {
      let app = await start(first)
      await seedAnalysts(app)
      let token = await analystToken(app)
      const logId = (await uploadLog(app, token, xesOf(TRACES))).json<{ id: string }>().id
      const res = await app.http.inject({
        method: 'POST',
        url: api('/analyses'),
        headers: bearer(token),
        payload: { source: { kind: 'upload', logId }, options: { dfg: true } },
      })
      const { id } = res.json<{ id: string }>()
      await app.close()

      app = await start(
        dialect === 'sqlite' ? openDatabase({ sqlitePath }) : openDatabase({ url: first.url }),
      )
      token = await analystToken(app)
      expect((await getJson<AnalysisView>(app, token, `/analyses/${id}`)).status).toBe('queued')
      expect(await app.runner.drain()).toBeGreaterThanOrEqual(1)
      const view = await getJson<AnalysisView>(app, token, `/analyses/${id}`)
      expect(view.status).toBe('done')
      expect(view.result?.counts.cases).toBe(4)
      await app.close()
    } finally {
      await first.dispose()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
