import { CompiledQuery, type Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { RecordFields } from './audit-chain.js'

/** The record's fields in the chain's canonical order (audit-chain.ts `chainHash`). */
export const RECORD_COLUMNS = [
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
] as const satisfies ReadonlyArray<keyof RecordFields>

/**
 * Writes a record, unsealed, in the caller's transaction: one INSERT that takes no lock beyond the
 * row's own and touches no index, so writers neither queue behind a chain head nor pay for the
 * chain. The sealer chains it after commit (audit-sealer.ts).
 *
 * Inside a SQLite transaction the prepared statement is run directly: the query builder's
 * plumbing cost about as much as the insert itself.
 */
export function createAuditWriter(database: Pick<Database, 'dialect' | 'sqlite'>) {
  const values = RECORD_COLUMNS.map((_, i) => (database.dialect === 'postgres' ? `$${i + 1}` : '?'))
  const insert = `insert into platform_audit_records (${RECORD_COLUMNS.join(', ')}) values (${values.join(', ')})`
  const sqlite = database.sqlite
  return {
    async append(db: Kysely<unknown>, fields: RecordFields): Promise<void> {
      const params = RECORD_COLUMNS.map((c) => fields[c])
      if (sqlite && db.isTransaction) {
        sqlite.prepare(insert).run(params)
        return
      }
      await db.executeQuery(CompiledQuery.raw(insert, params))
    },
  }
}
