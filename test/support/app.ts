import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Writable } from 'node:stream'
import pino from 'pino'
import { buildApp, type App } from '../../src/app.js'
import { fixedClock, type Clock } from '../../src/platform/clock.js'
import { loadConfig } from '../../src/platform/config.js'
import type { DialectName } from '../../src/platform/db/database.js'
import { createLogger } from '../../src/platform/log/logger.js'
import { createTestDatabase, type TestDatabase } from './databases.js'

export interface TestApp {
  app: App
  db: TestDatabase
  dispose(): Promise<void>
}

export const TEST_SECRET = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz'

/** The composed app on a disposable database, with a fake clock and silent (or captured) logs. */
export async function createTestApp(options: {
  dialect: DialectName
  clock?: Clock
  logStream?: Writable
  env?: Record<string, string>
}): Promise<TestApp> {
  const db = await createTestDatabase(options.dialect, undefined, { migrated: true })
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-test-'))
  const config = loadConfig({
    TONGBAN_SECRET: TEST_SECRET,
    TONGBAN_LOG_LEVEL: options.logStream ? 'info' : 'silent',
    TONGBAN_DATA_DIR: dataDir,
    TONGBAN_AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    // The lowest scrypt cost: seeding and signing in the demo city dominate many tests otherwise.
    TONGBAN_PASSWORD_HASH_COST: '10',
    ...options.env,
  })
  const logger = options.logStream
    ? createLogger({ level: 'info', destination: options.logStream })
    : pino({ level: 'silent' })
  const app = await buildApp({
    config,
    database: db,
    logger,
    clock: options.clock ?? fixedClock('2026-03-02T01:00:00Z', 1),
  })
  return {
    app,
    db,
    async dispose() {
      await app.close().catch(() => {})
      await db.dispose()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
