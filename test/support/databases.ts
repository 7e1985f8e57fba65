import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import { openDatabase, type Database, type DialectName } from '../../src/platform/db/database.js'
import { withDatabase } from './database-url.js'

/** The dialects this run covers: SQLite always; PostgreSQL when TEST_DATABASE_URL is set. */
export function testDialects(): DialectName[] {
  const wanted = (process.env.TEST_DIALECTS ?? 'sqlite,postgres').split(',')
  const dialects: DialectName[] = []
  if (wanted.includes('sqlite')) dialects.push('sqlite')
  if (wanted.includes('postgres') && process.env.TEST_DATABASE_URL) dialects.push('postgres')
  return dialects
}

export interface TestDatabase extends Database {
  url: string | undefined
  /** Drops the disposable PostgreSQL database (SQLite memory needs nothing). */
  dispose(): Promise<void>
}

/** The migrated template database of this run (test/support/global-setup.ts), if there is one. */
function postgresTemplate(): string | null {
  try {
    return inject('postgresTemplate') ?? null // not provided: a project without the global setup
  } catch {
    return null // outside a vitest run (a script importing the test support)
  }
}

/**
 * A fresh database per call: SQLite in memory, or a new PostgreSQL database dropped afterwards —
 * with `migrated`, cloned from the run's migrated template when there is one.
 */
export async function createTestDatabase(
  dialect: DialectName,
  sqlitePath = ':memory:',
  options: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const database = openDatabase({ sqlitePath })
    return { ...database, url: undefined, dispose: async () => {} }
  }
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set')
  const name = `tongban_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  // Cloning the migrated template is several times faster than running every migration again.
  const template = options.migrated ? postgresTemplate() : null
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`)
  await admin.end()
  const url = withDatabase(adminUrl, name)
  const database = openDatabase({ url, poolSize: 5 })
  let closed = false
  return {
    ...database,
    url,
    close: async () => {
      if (closed) return
      closed = true
      await database.close()
    },
    async dispose() {
      if (!closed) {
        closed = true
        await database.close()
      }
      const cleanup = new pg.Client({ connectionString: adminUrl })
      await cleanup.connect()
      await cleanup.query(`drop database if exists ${name} with (force)`)
      await cleanup.end()
    },
  }
}

/** A disposable PostgreSQL database URL for tests that start their own server processes. */
export async function createPostgresUrl(): Promise<{ url: string; dispose(): Promise<void> }> {
  const db = await createTestDatabase('postgres', undefined, { migrated: true })
  await db.close()
  return { url: db.url ?? '', dispose: () => db.dispose() }
}
