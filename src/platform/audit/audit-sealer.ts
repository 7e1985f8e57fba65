import { CompiledQuery, type Kysely } from 'kysely'
import { SQLITE_DRIVER, type Database, type RootDb, type SqliteStatements } from '../db/database.js'
import { GENESIS_HASH, linkHashOfRow } from './audit-chain.js'
import { RECORD_COLUMNS } from './audit-writer.js'
import {
  startLinkWorker,
  type ChainHead,
  type ChainedBatch,
  type LinkTuple,
} from './link-worker.js'

/** Records chained per transaction: bounds how long one seal holds the writer lock. */
export const SEAL_BATCH = 500

const EMPTY_HEAD: ChainHead = { last_hash: GENESIS_HASH, last_pos: 0, last_seq: 0 }

/** `seq` followed by the record's fields in canonical order. */
type PendingRow = [seq: number, ...fields: Array<string | null>]

const PENDING = `select seq, ${RECORD_COLUMNS.join(', ')} from platform_audit_records`
const HEAD = 'select last_hash, last_pos, last_seq from platform_audit_head where id = 1'
const PENDING_SQLITE = `${PENDING} where seq > ? order by seq limit ${SEAL_BATCH}`
const WRITE_LINKS_SQLITE = `update platform_audit_records set chain_pos = j.value ->> 1,
  prev_hash = j.value ->> 2, hash = j.value ->> 3
  from json_each(?) as j where platform_audit_records.seq = j.value ->> 0`
const MOVE_HEAD_SQLITE =
  'update platform_audit_head set last_hash = ?, last_id = ?, last_pos = ?, last_seq = ? where id = 1'

/** Chains rows onto the head: the links to write and the new head. */
function chain(head: ChainHead, rows: PendingRow[]): ChainedBatch {
  let prev = head.last_hash
  let pos = Number(head.last_pos)
  let lastSeq = Number(head.last_seq)
  const links: LinkTuple[] = []
  for (const row of rows) {
    const seq = Number(row[0])
    const hash = linkHashOfRow(prev, row)
    links.push([seq, ++pos, prev, hash])
    prev = hash
    if (seq > lastSeq) lastSeq = seq
  }
  return {
    links,
    head: { last_hash: prev, last_pos: pos, last_seq: lastSeq },
    lastId: String(rows.at(-1)?.[1] ?? ''),
  }
}

/**
 * Chains committed, unsealed records onto the SM3 chain, oldest first, and moves the head.
 *
 * One sealer at a time, across processes. On SQLite `seq` is commit order, so the unsealed
 * records are exactly those after the head's `last_seq`. A database file has them read and linked
 * by a worker thread on its own read-only connection (link-worker.ts); the main connection writes
 * the links under `begin immediate` only if the head has not moved meanwhile, else the worker
 * links again from the new head. An in-memory database (tests) does it all on the one connection.
 * On PostgreSQL the head row is locked, and a smaller `seq` can commit later, so the unsealed
 * records are found through a partial index on `hash is null`. Either way the chain order is
 * `chain_pos`, given here.
 */
export function createAuditSealer(
  database: Pick<Database, 'db' | 'dialect' | 'sqlite' | 'sqliteFile'>,
) {
  const { db, sqlite: maybeSqlite } = database
  if (!maybeSqlite) {
    const sealOnce = () => db.transaction().execute((trx) => sealPostgres(trx))
    return { seal: () => sealAll(sealOnce), close: async () => {} }
  }
  const sqlite = maybeSqlite
  // Kysely hands the one connection over; each step runs synchronously on it.
  const onConnection = <T>(step: () => T) => db.connection().execute(() => Promise.resolve(step()))
  const file = database.sqliteFile
  if (!file) {
    return {
      seal: () => sealAll(() => onConnection(() => sealSqlite(sqlite))),
      close: async () => {},
    }
  }
  let worker: ReturnType<typeof startLinkWorker> | null = null
  const sealOnce = async (): Promise<number> => {
    if (!worker?.alive) {
      worker = startLinkWorker({ path: file, driver: SQLITE_DRIVER, pendingSql: PENDING_SQLITE })
    }
    for (;;) {
      const head = await onConnection(() => readHead(sqlite))
      const batch = await worker.links(head)
      if (batch.links.length === 0) return 0
      const written = await onConnection(() => writeIfHeadUnmoved(sqlite, head, batch))
      if (written) return batch.links.length
      // Another sealer (the CLI, another process) moved the head meanwhile: chain from the new one.
    }
  }
  return {
    seal: () => sealAll(sealOnce),
    close: async () => {
      await worker?.close()
      worker = null
    },
  }
}

function readHead(sqlite: SqliteStatements): ChainHead {
  return (sqlite.prepare(HEAD).get() as ChainHead | undefined) ?? EMPTY_HEAD
}

function writeLinks(sqlite: SqliteStatements, batch: ChainedBatch): void {
  sqlite.prepare(WRITE_LINKS_SQLITE).run(JSON.stringify(batch.links))
  const { last_hash, last_pos, last_seq } = batch.head
  sqlite.prepare(MOVE_HEAD_SQLITE).run(last_hash, batch.lastId, last_pos, last_seq)
}

/** Writes links computed off the connection, under `begin immediate`, if the head still matches. */
function writeIfHeadUnmoved(sqlite: SqliteStatements, from: ChainHead, batch: ChainedBatch) {
  sqlite.prepare('begin immediate').run()
  try {
    const now = readHead(sqlite)
    const unmoved =
      now.last_hash === from.last_hash &&
      Number(now.last_pos) === Number(from.last_pos) &&
      Number(now.last_seq) === Number(from.last_seq)
    if (unmoved) writeLinks(sqlite, batch)
    sqlite.prepare('commit').run()
    return unmoved
  } catch (error) {
    sqlite.prepare('rollback').run()
    throw error
  }
}

async function sealAll(sealOnce: () => Promise<number>): Promise<number> {
  let total = 0
  for (;;) {
    const sealed = await sealOnce()
    total += sealed
    if (sealed < SEAL_BATCH) return total
  }
}

/**
 * Under `begin immediate` (the write lock first, so a sealer in another process cannot chain from
 * the same head): reads the head and the records after it, chains them and writes the links in
 * one statement.
 */
function sealSqlite(sqlite: SqliteStatements): number {
  sqlite.prepare('begin immediate').run()
  try {
    const head = readHead(sqlite)
    const rows = sqlite.prepare(PENDING_SQLITE).raw(true).all(head.last_seq) as PendingRow[]
    if (rows.length > 0) writeLinks(sqlite, chain(head, rows))
    sqlite.prepare('commit').run()
    return rows.length
  } catch (error) {
    sqlite.prepare('rollback').run()
    throw error
  }
}

async function sealPostgres(trx: Kysely<unknown> | RootDb): Promise<number> {
  const head = (await trx.executeQuery<ChainHead>(CompiledQuery.raw(`${HEAD} for update`, [])))
    .rows[0]
  const pending = await trx.executeQuery<Record<string, string | number | null>>(
    CompiledQuery.raw(`${PENDING} where hash is null order by seq limit ${SEAL_BATCH}`, []),
  )
  const rows = pending.rows.map(
    (r) => [Number(r.seq), ...RECORD_COLUMNS.map((c) => r[c] as string | null)] as PendingRow,
  )
  if (rows.length === 0) return 0
  const batch = chain(head ?? EMPTY_HEAD, rows)
  const column = (i: 0 | 1 | 2 | 3) => batch.links.map((link) => link[i])
  // One statement for the batch: a round trip per record would cost more than the chaining.
  await trx.executeQuery(
    CompiledQuery.raw(
      `update platform_audit_records r set chain_pos = v.pos, prev_hash = v.prev, hash = v.hash
       from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) as v(seq, pos, prev, hash)
       where r.seq = v.seq`,
      [column(0), column(1), column(2), column(3)],
    ),
  )
  await trx.executeQuery(
    CompiledQuery.raw(
      'update platform_audit_head set last_hash = $1, last_id = $2, last_pos = $3, last_seq = $4 where id = 1',
      [batch.head.last_hash, batch.lastId, batch.head.last_pos, batch.head.last_seq],
    ),
  )
  return rows.length
}
