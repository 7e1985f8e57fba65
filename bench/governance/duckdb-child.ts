/**
 * Child process of the data-quality figure (the peer): runs the SQL that peer-sql.ts wrote
 * (tables, macros, then one query over the CSV) in an in-memory DuckDB and prints one JSON
 * line (CheckResult) on stdout. Run as `node --import tsx bench/governance/duckdb-child.ts
 * PEER_JSON [THREADS]` (default: DuckDB's own, one per core), so the peak memory it reports
 * is its own.
 */
import { readFile } from 'node:fs/promises'
import { DuckDBInstance } from '@duckdb/node-api'
import type { PeerSql } from './peer-sql.js'
import { startPeakMemory, type CheckResult } from './peak-memory.js'

const [peerFile, threadsArg] = process.argv.slice(2)
if (peerFile === undefined) {
  process.stderr.write('usage: duckdb-child.ts PEER_JSON [THREADS]\n')
  process.exit(2)
}
const peer = JSON.parse(await readFile(peerFile, 'utf8')) as PeerSql

const memory = startPeakMemory()
const started = performance.now()
const instance = await DuckDBInstance.create(
  ':memory:',
  threadsArg === undefined ? {} : { threads: threadsArg },
)
const conn = await instance.connect()
for (const statement of peer.setup) await conn.run(statement)
const reader = await conn.runAndReadAll(peer.query)
const seconds = (performance.now() - started) / 1000
const peak = memory.stop()

const row = reader.getRowObjectsJS()[0]
if (row === undefined) throw new Error('the peer query returned no row')
const count = (id: string): number => {
  const value = row[id]
  if (typeof value !== 'bigint' && typeof value !== 'number') {
    throw new Error(`the peer query has no count for ${id}`)
  }
  return Number(value)
}
const settings = await conn.runAndReadAll(`SELECT version(), current_setting('threads')`)
const [version, threads] = settings.getRowsJson()[0] ?? []
conn.closeSync()
instance.closeSync()

process.stderr.write(`DuckDB ${JSON.stringify(version)}, ${JSON.stringify(threads)} threads\n`)
const result: CheckResult = {
  engine: 'duckdb',
  rows: count('rows'),
  seconds,
  failed: Object.fromEntries(peer.rules.map((id) => [id, count(id)])),
  ...peak,
}
process.stdout.write(`${JSON.stringify(result)}\n`)
