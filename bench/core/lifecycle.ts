import type { BenchRow } from '../authz.js'
import { runJsonChild } from './child-json.js'
import type { LifecycleResult } from './lifecycle-ours.js'
import { createPostgresDatabase, postgresAdminUrl } from './postgres.js'

const BRANCHES = 5
const PEER_COUNT = 200
const PEER = 'bpmn-engine 25, same BPMN in memory (new Engine per instance, signal each wait)'
const SCRIPT = 'bench/core/lifecycle-child.ts'

const log = (line: string): void => void process.stderr.write(`core/lifecycle: ${line}\n`)
const round = (n: number): number => Math.round(n * 100) / 100

const peerRun = (branches: number) =>
  runJsonChild<LifecycleResult>('bpmn-engine', SCRIPT, [
    'peer',
    String(branches),
    String(PEER_COUNT),
  ])

async function oursOnPostgres(adminUrl: string): Promise<LifecycleResult> {
  const database = await createPostgresDatabase(adminUrl)
  log(`postgres database ${database.name}`)
  try {
    return await runJsonChild<LifecycleResult>('ours-pg', SCRIPT, ['ours', database.url])
  } finally {
    await database.drop()
  }
}

/**
 * Figure 3: whole lifecycles of a 5-department parallel process per second, through our
 * service API (every step its own committed transaction) against bpmn-engine in memory. Each
 * side runs in a fresh child process, one after the other.
 */
export async function benchLifecycle(): Promise<BenchRow[]> {
  const peer = await peerRun(BRANCHES)
  log(`bpmn-engine, ${BRANCHES} departments: ${peer.perSecond.toFixed(1)} lifecycles/s`)
  const peer3 = await peerRun(3)
  log(`bpmn-engine, 3 departments (reference only): ${peer3.perSecond.toFixed(1)} lifecycles/s`)
  const row = (metric: string, ours: LifecycleResult): BenchRow => ({
    bench: 'core',
    metric,
    value: round(ours.perSecond),
    unit: 'lifecycles/s',
    peer: PEER,
    peerValue: round(peer.perSecond),
    ratio: round(ours.perSecond / peer.perSecond), // higher is better; the target is ≥ 3
  })
  const sqlite = await runJsonChild<LifecycleResult>('ours-sqlite', SCRIPT, ['ours'])
  log(`ours, sqlite: ${sqlite.perSecond.toFixed(1)} lifecycles/s (${sqlite.lifecycles} timed)`)
  const rows = [row('lifecycles_per_second', sqlite)]
  const adminUrl = postgresAdminUrl()
  if (adminUrl) {
    const pg = await oursOnPostgres(adminUrl)
    log(`ours, postgres: ${pg.perSecond.toFixed(1)} lifecycles/s (${pg.lifecycles} timed)`)
    rows.push(row('lifecycles_per_second_pg', pg))
  } else log('PostgreSQL skipped (set DATABASE_URL or TEST_DATABASE_URL to include it)')
  return rows
}
