import type { Kysely, Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { moduleDb, type DialectName, type RootDb } from '../db/database.js'
import type { Actor } from '../auth/principal.js'
import type { Clock } from '../clock.js'
import { GENESIS_HASH, checkLink, type ChainBreak } from './audit-chain.js'
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
  checked: number
  firstBad: ChainBreak | null
}

export interface AuditTrail {
  /** Appends a chained record inside the caller's transaction (the state change it describes). */
  record(trx: Transaction<unknown> | RootDb, actor: Actor, entry: AuditEntry): Promise<string>
  /** Walks the whole chain and names the first record that does not hold. */
  verify(): Promise<AuditVerification>
}

const BATCH = 2000

export function createAuditTrail(deps: {
  db: RootDb
  dialect: DialectName
  clock: Clock
}): AuditTrail {
  const root = moduleDb<AuditTables>(deps.db)
  const writer = createAuditWriter(deps.dialect)
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
    verify: () => verifyChain(root),
  }
}

async function verifyChain(db: Kysely<AuditTables>): Promise<AuditVerification> {
  let expectedPrev = GENESIS_HASH
  let lastSeq = 0
  let checked = 0
  let last: { seq: number; id: string } | null = null
  for (;;) {
    const rows = await db
      .selectFrom('platform_audit_records')
      .selectAll()
      .where('seq', '>', lastSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute()
    for (const row of rows) {
      const seq = Number(row.seq)
      const broken = checkLink({ ...row, seq }, expectedPrev)
      if (broken) return { ok: false, checked, firstBad: broken }
      expectedPrev = row.hash
      lastSeq = seq
      last = { seq, id: row.id }
      checked++
    }
    if (rows.length < BATCH) break
  }
  const head = await db
    .selectFrom('platform_audit_head')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirst()
  const headHash = head?.last_hash ?? GENESIS_HASH
  if (headHash !== expectedPrev) {
    // The newest records were removed: the head still names the record that was last written.
    return {
      ok: false,
      checked,
      firstBad: { reason: 'head_mismatch', seq: last?.seq ?? 0, id: head?.last_id ?? '' },
    }
  }
  return { ok: true, checked, firstBad: null }
}
