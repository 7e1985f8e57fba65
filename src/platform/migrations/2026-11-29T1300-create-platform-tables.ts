import { sql } from 'kysely'
import type { ModuleMigration } from '../db/migrator.js'

export const createPlatformTables: ModuleMigration = {
  name: '2026-11-29T1300-create-platform-tables',
  async up(db, { serial, dialect }) {
    await db.schema
      .createTable('platform_audit_records')
      .addColumn('seq', serial, (c) =>
        serial === 'integer' ? c.primaryKey().autoIncrement() : c.primaryKey(),
      )
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_kind', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('before_json', 'text')
      .addColumn('after_json', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('platform_audit_records_subject')
      .on('platform_audit_records')
      .columns(['subject_type', 'subject_id'])
      .execute()
    await db.schema
      .createTable('platform_audit_head')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('last_id', 'text', (c) => c.notNull())
      .addColumn('last_hash', 'text', (c) => c.notNull())
      .execute()
    await db
      .insertInto('platform_audit_head')
      .values({ id: 1, last_id: '', last_hash: '0'.repeat(64) })
      .execute()
    if (dialect === 'sqlite') {
      // SQLite keeps the chain head in the same statement as the record: a record whose
      // prev_hash is not the head is refused, and an accepted one moves the head.
      await sql`create trigger platform_audit_chain_check before insert on platform_audit_records
        when new.prev_hash is not (select last_hash from platform_audit_head where id = 1)
        begin select raise(abort, 'audit chain head moved'); end`.execute(db)
      await sql`create trigger platform_audit_chain_head after insert on platform_audit_records
        begin update platform_audit_head set last_hash = new.hash, last_id = new.id where id = 1; end`.execute(
        db,
      )
    }

    await db.schema
      .createTable('platform_jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addColumn('run_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('dedupe_key', 'text', (c) => c.unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('platform_jobs_due')
      .on('platform_jobs')
      .columns(['status', 'run_at'])
      .execute()

    await db.schema
      .createTable('platform_calendar_years')
      .addColumn('year', 'integer', (c) => c.primaryKey())
      .addColumn('data_json', 'text', (c) => c.notNull())
      .addColumn('loaded_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('platform_notifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('recipient_index', 'text', (c) => c.notNull())
      .addColumn('recipient_masked', 'text', (c) => c.notNull())
      .addColumn('template', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('platform_notifications_recipient')
      .on('platform_notifications')
      .columns(['recipient_index', 'created_at'])
      .execute()

    await db.schema
      .createTable('platform_idempotency_keys')
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('response_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('platform_idempotency_keys_pk', ['scope', 'key'])
      .execute()
  },
}
