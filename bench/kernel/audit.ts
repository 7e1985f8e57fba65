import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { BenchRow } from '../authz.js'
import { timeOps } from './timed-ops.js'
import { ALL_MIGRATIONS } from '../../src/app.js'
import { createAuditTrail } from '../../src/platform/audit/audit-trail.js'
import { systemActor } from '../../src/platform/auth/principal.js'
import { systemClock } from '../../src/platform/clock.js'
import { moduleDb, openDatabase, type Database } from '../../src/platform/db/database.js'
import { migrateToLatest } from '../../src/platform/db/migrator.js'

const ROUNDS = 10
const OPS_PER_ROUND = 1_000
const WARMUP_OPS = 200
const TARGET_PCT = 10

interface BenchTables {
  bench_rows: { id: string; value: string }
}

function log(line: string): void {
  process.stderr.write(`kernel/audit: ${line}\n`)
}

const round = (n: number): number => Math.round(n * 100) / 100

/**
 * Times use case A (one-row insert in a transaction) against use case B (the same plus one
 * audit record in that transaction), in interleaved rounds with a WAL checkpoint between them.
 */
async function measure(database: Database, suffix: string): Promise<BenchRow[]> {
  const { db: root, dialect } = database
  await migrateToLatest(root, dialect, ALL_MIGRATIONS)
  await root.schema
    .createTable('bench_rows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text')
    .execute()
  const db = moduleDb<BenchTables>(root)
  const audit = createAuditTrail({ database, clock: systemClock })
  const actor = systemActor('bench')
  let next = 0

  const plain = async (): Promise<void> => {
    const id = `a${next++}`
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('bench_rows')
        .values({ id, value: `value ${id}` })
        .execute()
    })
  }
  const audited = async (): Promise<void> => {
    const id = `b${next++}`
    const value = `value ${id}`
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('bench_rows').values({ id, value }).execute()
      await audit.record(trx, actor, {
        action: 'bench.row.created',
        subject: { type: 'bench_row', id },
        after: { value },
      })
    })
  }
  const seal = () => audit.seal()

  await timeOps(plain, WARMUP_OPS)
  await timeOps(audited, WARMUP_OPS, seal)
  await database.checkpoint()
  let plainSeconds = 0
  let auditedSeconds = 0
  for (let r = 0; r < ROUNDS; r++) {
    plainSeconds += await timeOps(plain, OPS_PER_ROUND)
    await database.checkpoint()
    auditedSeconds += await timeOps(audited, OPS_PER_ROUND, seal)
    await database.checkpoint()
  }
  const total = ROUNDS * OPS_PER_ROUND
  const peerOps = total / plainSeconds
  const ourOps = total / auditedSeconds
  const ratio = ourOps / peerOps
  const overhead = (1 - ratio) * 100
  log(
    `${dialect}: ${ROUNDS} rounds × ${OPS_PER_ROUND} ops each way; ` +
      `${(1e6 / peerOps).toFixed(0)} µs/op plain, ${(1e6 / ourOps).toFixed(0)} µs/op audited`,
  )
  return [
    {
      bench: 'kernel',
      metric: `audited_write_ops${suffix}`,
      value: round(ourOps),
      unit: 'ops/s',
      peer: 'same write without audit',
      peerValue: round(peerOps),
      ratio: round(ratio),
    },
    {
      bench: 'kernel',
      metric: `audit_overhead_pct${suffix}`,
      value: round(overhead),
      unit: '%',
      peer: 'target',
      peerValue: TARGET_PCT,
      ratio: round(overhead / TARGET_PCT), // lower is better; ≤ 1 meets the target
    },
  ]
}

async function onSqlite(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-bench-audit-'))
  const database = openDatabase({ sqlitePath: join(dir, 'bench.db') })
  try {
    log(`sqlite file ${join(dir, 'bench.db')} (WAL)`)
    return await measure(database, '')
  } finally {
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Runs one statement (create/drop database) on the admin connection. */
export async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

async function onPostgres(adminUrl: string): Promise<BenchRow[]> {
  const name = `tongban_bench_${randomBytes(6).toString('hex')}`
  await admin(adminUrl, `create database ${name}`)
  try {
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    log(`postgres database ${name}`)
    const database = openDatabase({ url: url.toString(), poolSize: 5 })
    try {
      return await measure(database, '_pg')
    } finally {
      await database.close()
    }
  } finally {
    await admin(adminUrl, `drop database if exists ${name} with (force)`)
  }
}

/** Figure 3: the cost of the audit chain on a one-row write, SQLite and (if set) PostgreSQL. */
export async function benchAudit(): Promise<BenchRow[]> {
  const rows = await onSqlite()
  const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL
  if (pgUrl && /^postgres(ql)?:\/\//.test(pgUrl)) rows.push(...(await onPostgres(pgUrl)))
  else log('PostgreSQL skipped (set DATABASE_URL or TEST_DATABASE_URL to include it)')
  return rows
}
