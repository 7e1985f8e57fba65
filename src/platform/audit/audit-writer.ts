import { CompiledQuery, type Kysely } from 'kysely'
import type { DialectName } from '../db/database.js'
import { GENESIS_HASH, chainHash, type ChainedFields } from './audit-chain.js'

const COLUMNS = [
  'id',
  'at',
  'actor_id',
  'actor_kind',
  'action',
  'subject_type',
  'subject_id',
  'channel',
  'request_id',
  'before_json',
  'after_json',
  'prev_hash',
  'hash',
] as const

/** `?` for SQLite, `$n` for PostgreSQL: the statements are written once per dialect. */
function placeholders(dialect: DialectName, count: number, from = 1): string[] {
  return Array.from({ length: count }, (_, i) => (dialect === 'postgres' ? `$${from + i}` : '?'))
}

/**
 * Appends records to the chain with precompiled statements (the audit write sits on every state
 * change, so it skips the query builder).
 *
 * PostgreSQL: the head row is read `FOR UPDATE`, which orders all writers by commit, then moved
 * and the record inserted.
 * SQLite: one INSERT. Triggers (see the platform migration) refuse a record not chained to the
 * head and move the head. The head is remembered between records; when another process (the
 * CLI) wrote meanwhile, or a remembered record was rolled back, the insert is refused, the head is
 * read again inside the now write-locked transaction, and the record is chained to it.
 */
export function createAuditWriter(dialect: DialectName) {
  const insert = `insert into platform_audit_records (${COLUMNS.join(', ')}) values (${placeholders(dialect, COLUMNS.length).join(', ')})`
  const readHead = `select last_hash from platform_audit_head where id = 1${dialect === 'postgres' ? ' for update' : ''}`
  const moveHead = 'update platform_audit_head set last_hash = $1, last_id = $2 where id = 1'
  let remembered: string | null = null

  async function currentHead(db: Kysely<unknown>): Promise<string> {
    const result = await db.executeQuery<{ last_hash: string }>(CompiledQuery.raw(readHead, []))
    return result.rows[0]?.last_hash ?? GENESIS_HASH
  }

  async function insertChained(
    db: Kysely<unknown>,
    fields: Omit<ChainedFields, 'prev_hash'>,
    prev: string,
  ) {
    const row: ChainedFields = { ...fields, prev_hash: prev }
    const hash = chainHash(row)
    await db.executeQuery(
      CompiledQuery.raw(
        insert,
        COLUMNS.map((c) => (c === 'hash' ? hash : row[c])),
      ),
    )
    return hash
  }

  async function appendSqlite(db: Kysely<unknown>, fields: Omit<ChainedFields, 'prev_hash'>) {
    try {
      remembered = await insertChained(db, fields, remembered ?? (await currentHead(db)))
    } catch (error) {
      if (!(error instanceof Error) || !error.message.includes('audit chain head moved'))
        throw error
      remembered = await insertChained(db, fields, await currentHead(db))
    }
  }

  async function appendPostgres(db: Kysely<unknown>, fields: Omit<ChainedFields, 'prev_hash'>) {
    const prev = await currentHead(db)
    const hash = await insertChained(db, fields, prev)
    await db.executeQuery(CompiledQuery.raw(moveHead, [hash, fields.id]))
  }

  return { append: dialect === 'sqlite' ? appendSqlite : appendPostgres }
}
