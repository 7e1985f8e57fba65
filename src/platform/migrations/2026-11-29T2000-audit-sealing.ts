import { sql } from 'kysely'
import type { ModuleMigration } from '../db/migrator.js'

/**
 * Audit records are written unsealed inside the state change's transaction and chained
 * afterwards by the sealer (docs/decisions/0004-audit-sealing.md). The chain order becomes its own
 * column, `chain_pos`, because on PostgreSQL `seq` is not commit order. Records already chained
 * keep their hashes; their position is their `seq`, which was their chain order.
 */
export const auditSealing: ModuleMigration = {
  name: '2026-11-29T2000-audit-sealing',
  async up(db, { dialect }) {
    if (dialect === 'sqlite') {
      // SQLite cannot drop NOT NULL in place: the table is rebuilt with the same rows. Without
      // AUTOINCREMENT: `seq` still grows with every insert (only a deleted newest row, which
      // verify reports, could be reused), and the write skips a page of sqlite_sequence.
      await sql`drop trigger platform_audit_chain_check`.execute(db)
      await sql`drop trigger platform_audit_chain_head`.execute(db)
      await sql`create table platform_audit_records_sealed (
        seq integer primary key,
        id text not null,
        at text not null,
        actor_id text,
        actor_kind text not null,
        action text not null,
        subject_type text not null,
        subject_id text not null,
        channel text not null,
        request_id text not null,
        before_json text,
        after_json text,
        prev_hash text,
        hash text,
        chain_pos integer
      )`.execute(db)
      await sql`insert into platform_audit_records_sealed
        select seq, id, at, actor_id, actor_kind, action, subject_type, subject_id, channel,
               request_id, before_json, after_json, prev_hash, hash, seq
        from platform_audit_records`.execute(db)
      await sql`drop table platform_audit_records`.execute(db)
      await sql`alter table platform_audit_records_sealed rename to platform_audit_records`.execute(
        db,
      )
    } else {
      await sql`alter table platform_audit_records
        alter column prev_hash drop not null,
        alter column hash drop not null,
        add column chain_pos bigint`.execute(db)
      await sql`drop index platform_audit_records_subject`.execute(db)
      await sql`alter table platform_audit_records drop constraint platform_audit_records_id_key`.execute(
        db,
      )
      await sql`create unique index platform_audit_records_chain on platform_audit_records (chain_pos)
        where chain_pos is not null`.execute(db)
      await sql`update platform_audit_records set chain_pos = seq`.execute(db)
      // The sealer's queue: only records not yet chained are in it, so it stays small.
      await sql`create index platform_audit_records_unsealed on platform_audit_records (seq)
        where hash is null`.execute(db)
    }
    // The index covers sealed records only, so the write inside a state change touches nothing
    // but the table; the sealer's update enters each record, a batch at a time. Readers seal
    // before they look (a record is at most one seal interval old). Ids are UUIDv7, unique by
    // construction, and nothing looks a record up by id: no index for them.
    await sql`create index platform_audit_records_subject
      on platform_audit_records (subject_type, subject_id, seq) where chain_pos is not null`.execute(
      db,
    )
    await db.schema
      .alterTable('platform_audit_head')
      .addColumn('last_pos', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute()
    await db.schema
      .alterTable('platform_audit_head')
      .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute()
    await sql`update platform_audit_head set
      last_pos = (select coalesce(max(chain_pos), 0) from platform_audit_records),
      last_seq = (select coalesce(max(seq), 0) from platform_audit_records)
      where id = 1`.execute(db)
  },
}
