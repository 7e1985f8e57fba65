import { sm3Hex } from '../crypto/index.js'

/** The chain starts from this value, so the first record links to something fixed. */
export const GENESIS_HASH = '0'.repeat(64)

/** What a record says; the chain adds `prev_hash` when it is sealed. */
export interface RecordFields {
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
}

export interface ChainedFields extends RecordFields {
  prev_hash: string
}

/** SM3 over the previous hash and the record's canonical JSON (fixed key order). */
export function chainHash(fields: ChainedFields): string {
  return linkHash(fields.prev_hash, [
    fields.id,
    fields.at,
    fields.actor_id,
    fields.actor_kind,
    fields.action,
    fields.subject_type,
    fields.subject_id,
    fields.channel,
    fields.request_id,
    fields.before_json,
    fields.after_json,
  ])
}

/** The same hash from the fields already in canonical order (the sealer reads rows as arrays). */
export function linkHash(prevHash: string, canonicalFields: ReadonlyArray<string | null>): string {
  return sm3Hex(`${prevHash}\n${JSON.stringify(canonicalFields)}`)
}

/**
 * `linkHash` of a row read as `[seq, ...fields]`: the JSON of the fields is the row's JSON after
 * its first element, so the row need not be copied.
 */
export function linkHashOfRow(prevHash: string, row: ReadonlyArray<unknown>): string {
  const json = JSON.stringify(row)
  return sm3Hex(`${prevHash}\n[${json.slice(json.indexOf(',') + 1)}`)
}

export type ChainBreak =
  | { reason: 'hash_mismatch'; seq: number; id: string }
  | { reason: 'link_broken'; seq: number; id: string }
  | { reason: 'head_mismatch'; seq: number; id: string }

/**
 * Checks one record against the hash of the record before it. A modified record fails its own
 * hash; a deleted or reordered record breaks the link of the record that follows it.
 */
export function checkLink(
  record: ChainedFields & { seq: number; hash: string },
  expectedPrev: string,
): ChainBreak | null {
  if (record.prev_hash !== expectedPrev)
    return { reason: 'link_broken', seq: record.seq, id: record.id }
  if (chainHash(record) !== record.hash)
    return { reason: 'hash_mismatch', seq: record.seq, id: record.id }
  return null
}
