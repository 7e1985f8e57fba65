import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely'
import pg from 'pg'
import { startCheckpointWorker } from './checkpoint-worker.js'

const require = createRequire(import.meta.url)

export type DialectName = 'sqlite' | 'postgres'

/** The untyped root handle; each module narrows it to its own tables with `moduleDb`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the root composes no table types; modules narrow it
export type RootDb = Kysely<any>

/**
 * SQLite's cached prepared statements, for the few hot paths that skip the query builder (the
 * audit write sits on every state change). Only to be used while Kysely holds the connection: inside
 * one of its transactions or `connection()` callbacks, so no other query interleaves.
 */
export interface SqliteStatements {
  prepare(text: string): SQLite.Statement
}

/** The driver's entry point, for worker threads that open their own connection. */
export const SQLITE_DRIVER = require.resolve('better-sqlite3')

export interface Database {
  readonly db: RootDb
  readonly dialect: DialectName
  /** Set on SQLite only. */
  readonly sqlite: SqliteStatements | null
  /** The SQLite database file, for worker threads that read it on their own connection. */
  readonly sqliteFile: string | null
  /** Runs a passive WAL checkpoint (SQLite); a no-op on PostgreSQL. Returns frames checkpointed. */
  checkpoint(): Promise<number>
  close(): Promise<void>
}

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; otherwise `sqlitePath` is used. */
  url?: string | undefined
  sqlitePath?: string
  poolSize?: number
}

export function openDatabase(options: DatabaseOptions): Database {
  if (options.url && /^postgres(ql)?:\/\//.test(options.url)) {
    return openPostgres(options.url, options.poolSize ?? 10)
  }
  return openSqlite(options.sqlitePath ?? ':memory:')
}

function openSqlite(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const raw = new SQLite(path)
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = NORMAL')
  raw.pragma('foreign_keys = ON')
  raw.pragma('busy_timeout = 5000')
  // Checkpoints are run deliberately by a scheduled job (DESIGN.md §3), never by a committing writer.
  raw.pragma('wal_autocheckpoint = 0')
  const statements = withStatementCache(raw)
  const db: RootDb = new Kysely({ dialect: new SqliteDialect({ database: statements }) })
  const here = () => {
    const rows = raw.pragma('wal_checkpoint(PASSIVE)') as Array<{ checkpointed: number }>
    return rows[0]?.checkpointed ?? 0
  }
  // A file database checkpoints from a worker thread, off the event loop; memory has no WAL.
  const worker = path === ':memory:' ? null : startCheckpointWorker(path, SQLITE_DRIVER)
  return {
    db,
    dialect: 'sqlite',
    sqlite: statements,
    sqliteFile: path === ':memory:' ? null : path,
    // The worker copies the bulk; the few frames written meanwhile are then copied here, so the
    // WAL is fully checkpointed and the next writer starts it over instead of growing it.
    async checkpoint() {
      if (worker) await worker.checkpoint()
      return here()
    },
    async close() {
      await worker?.close().catch(() => undefined)
      here()
      await db.destroy()
    },
  }
}

const STATEMENT_CACHE = 500

/**
 * Kysely prepares every query anew; preparing was ~8 % of a loaded server's CPU. Statements are
 * reusable (one connection runs one at a time), so the same SQL text gets the same statement.
 */
function withStatementCache(raw: SQLite.Database): SqliteDatabase & SqliteStatements {
  const statements = new Map<string, SQLite.Statement>()
  return {
    close: () => raw.close(),
    prepare(text: string) {
      let statement = statements.get(text)
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE)
          statements.delete(statements.keys().next().value ?? '')
        statement = raw.prepare(text)
        statements.set(text, statement)
      }
      return statement
    },
  }
}

function openPostgres(url: string, max: number): Database {
  // BIGINT (int8) values fit our sequence numbers; parse them as numbers, not strings.
  pg.types.setTypeParser(20, (value) => Number(value))
  const pool = new pg.Pool({ connectionString: url, max })
  // An idle connection dropped by the server (restart, failover) is replaced on next use; without
  // a listener the pool's 'error' event would crash the process.
  pool.on('error', () => {})
  const db: RootDb = new Kysely({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    dialect: 'postgres',
    sqlite: null,
    sqliteFile: null,
    checkpoint: async () => 0,
    close: () => db.destroy(),
  }
}

/** Narrows the root handle to one module's tables, so another module's table does not compile. */
export function moduleDb<Tables>(db: RootDb): Kysely<Tables> {
  return db as Kysely<Tables>
}

export async function ping(db: RootDb): Promise<void> {
  await sql`select 1`.execute(db)
}

/** True for a unique-constraint violation on either dialect (a concurrent duplicate insert). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const code = (error as { code?: unknown }).code
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  )
}
