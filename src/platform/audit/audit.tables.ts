import type { Generated, Insertable, Selectable } from 'kysely'

export interface AuditRecordTable {
  seq: Generated<number>
  id: string
  at: string
  actor_id: string | null
  actor_kind: string
  action: string
  subject_type: string
  subject_id: string
  channel: string
  request_id: string
  before_json: string | null
  after_json: string | null
  /** Null until the sealer chains the record. */
  prev_hash: string | null
  hash: string | null
  /** Position in the chain, given by the sealer; on SQLite it follows `seq`. */
  chain_pos: number | null
}

export interface AuditHeadTable {
  id: number
  /** Id of the record written last; it is missing from the table when the tail was cut. */
  last_id: string
  last_hash: string
  last_pos: number
  /** Highest `seq` sealed (SQLite finds the unsealed records after it). */
  last_seq: number
}

export interface AuditTables {
  platform_audit_records: AuditRecordTable
  platform_audit_head: AuditHeadTable
}

export type AuditRecordRow = Selectable<AuditRecordTable>
export type NewAuditRecordRow = Insertable<AuditRecordTable>
