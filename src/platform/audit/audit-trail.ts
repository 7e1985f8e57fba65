import type { Kysely, Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { moduleDb, type Database, type DialectName, type RootDb } from '../db/database.js'
import type { Actor } from '../auth/principal.js'
import type { Clock } from '../clock.js'
import { GENESIS_HASH, checkLink, type ChainBreak } from './audit-chain.js'
import { createAuditSealer } from './audit-sealer.js'
import { createAuditWriter } from './audit-writer.js'
import type { AuditTables } from './audit.tables.js'

export interface AuditEntry {
  action: string
  subject: { type: string; id: string }
  /** Only what the reader needs to see changed; never raw ID numbers or phone numbers. */
  before?: unknown
  after?: unknown
}

export interface AuditVerification {
  ok: boolean
  /** Sealed records walked and found intact. */
  checked: number
  firstBad: ChainBreak | null
}

export interface AuditTrail {
  /**
   * Writes a record inside the caller's transaction (the state change it describes). It is
   * durable with that change and chained by the next seal.
   */
  record(trx: Transaction<unknown> | RootDb, actor: Actor, entry: AuditEntry): Promise<string>
  /** Chains every committed record not yet chained; returns how many. */
  seal(): Promise<number>
  /** Seals, then walks the whole chain and names the first record that does not hold. */
  verify(): Promise<AuditVerification>
  /** Stops the sealer's worker thread (after a last seal, which the caller runs). */
  close(): Promise<void>
}

const BATCH = 2000

export function createAuditTrail(deps: {
  database: Pick<Database, 'db' | 'dialect' | 'sqlite' | 'sqliteFile'>
  clock: Clock
}): AuditTrail {
  const root = moduleDb<AuditTables>(deps.database.db)
  const writer = createAuditWriter(deps.database)
  const sealer = createAuditSealer(deps.database)
  // Calls that arrive while a seal runs share the next one, so the timer and verify never race.
  let running: Promise<number> | null = null
  let again: Promise<number> | null = null
  function seal(): Promise<number> {
    if (!running) {
      running = sealer.seal().finally(() => (running = null))
      return running
    }
    again ??= running
      .catch(() => 0)
      .then(() => {
        again = null
        return seal()
      })
    return again
  }
  return {
    async record(trx, actor, entry) {
      const id = uuidv7()
      await writer.append(trx, {
        id,
        at: deps.clock.now().toISOString(),
        actor_id: actor.principal?.id ?? null,
        actor_kind: actor.principal?.kind ?? 'system',
        action: entry.action,
        subject_type: entry.subject.type,
        subject_id: entry.subject.id,
        channel: actor.channel,
        request_id: actor.requestId,
        before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
        after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
      })
      return id
    },
    seal,
    async verify() {
      await seal()
      return verifyChain(root, deps.database.dialect)
    },
    async close() {
      await running?.catch(() => 0)
      await again?.catch(() => 0)
      await sealer.close()
    },
  }
}

/**
 * Walks the chain up to the head read first, so records sealed meanwhile do not count as a
 * mismatch. A record missing from the chain breaks the link of the next one, or the head; a
 * record out of place breaks the run of positions. SQLite walks by `seq`, which its chain follows,
 * and so needs no index on the position; PostgreSQL walks by position.
 */
async function verifyChain(
  db: Kysely<AuditTables>,
  dialect: DialectName,
): Promise<AuditVerification> {
  const head = await db
    .selectFrom('platform_audit_head')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirst()
  const headPos = Number(head?.last_pos ?? 0)
  const order = dialect === 'sqlite' ? 'seq' : 'chain_pos'
  let expectedPrev = GENESIS_HASH
  let expectedPos = 1
  let after = 0
  let checked = 0
  let last: { seq: number; id: string } | null = null
  for (;;) {
    const rows = await db
      .selectFrom('platform_audit_records')
      .selectAll()
      .where(order, '>', after)
      .where('chain_pos', '<=', headPos)
      .orderBy(order)
      .limit(BATCH)
      .execute()
    for (const row of rows) {
      const seq = Number(row.seq)
      const broken =
        row.prev_hash === null || row.hash === null || Number(row.chain_pos) !== expectedPos
          ? { reason: 'link_broken' as const, seq, id: row.id }
          : checkLink({ ...row, seq, prev_hash: row.prev_hash, hash: row.hash }, expectedPrev)
      if (broken) return { ok: false, checked, firstBad: broken }
      expectedPrev = row.hash ?? ''
      expectedPos++
      after = dialect === 'sqlite' ? seq : Number(row.chain_pos)
      last = { seq, id: row.id }
      checked++
    }
    if (rows.length < BATCH) break
  }
  const headHash = head?.last_hash ?? GENESIS_HASH
  if (headHash !== expectedPrev) {
    // The newest records were removed: the head still names the record that was sealed last.
    return {
      ok: false,
      checked,
      firstBad: { reason: 'head_mismatch', seq: last?.seq ?? 0, id: head?.last_id ?? '' },
    }
  }
  return { ok: true, checked, firstBad: null }
}
