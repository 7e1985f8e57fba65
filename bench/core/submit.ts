import type { BenchRow } from '../authz.js'
import { load } from '../kernel/http.js'
import type { LoadResult } from '../kernel/load.js'
import { errorRows } from './load-rows.js'
import { createPostgresDatabase, postgresAdminUrl } from './postgres.js'
import { startCompanySample, startServer } from './server.js'

const CONNECTIONS = 20
const TARGET_P99_MS = 50
const PEER = 'GET /healthz of the same server, 20 connections'
const log = (line: string): void => void process.stderr.write(`core/submit: ${line}\n`)
const round = (n: number): number => Math.round(n * 100) / 100

/** The same server's cheapest route (no database, no auth), then the bundle POST. */
async function measure(databaseUrl?: string): Promise<{ ours: LoadResult; peer: LoadResult }> {
  const server = await startServer(databaseUrl ? 'tongban-pg' : 'tongban', log, databaseUrl)
  try {
    const options = { connections: CONNECTIONS }
    log(`peer: GET /healthz, ${CONNECTIONS} connections`)
    const peer = await load(`${server.base}/healthz`, {}, options)
    log(
      `ours: POST /api/v1/approval/applications (start_company, 5 cases), ${CONNECTIONS} connections`,
    )
    const ours = await load(
      `${server.base}/api/v1/approval/applications`,
      { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      { ...options, method: 'POST', body: JSON.stringify(startCompanySample().body) },
    )
    const { latency } = ours
    log(
      `${ours.requests.total} applications submitted in the measured run; latency p50 ` +
        `${latency.p50} ms, mean ${latency.average} ms, p99 ${latency.p99} ms, max ${latency.max} ms`,
    )
    return { ours, peer }
  } finally {
    await server.stop()
  }
}

function rows(suffix: string, ours: LoadResult, peer: LoadResult): BenchRow[] {
  return [
    {
      bench: 'core',
      metric: `bundle_submit_rps${suffix}`,
      value: round(ours.requests.average),
      unit: 'req/s',
      peer: PEER,
      peerValue: round(peer.requests.average),
      ratio: round(ours.requests.average / peer.requests.average),
    },
    {
      bench: 'core',
      metric: `bundle_submit_p99${suffix}`,
      value: round(ours.latency.p99),
      unit: 'ms',
      peer: 'target',
      peerValue: TARGET_P99_MS,
      ratio: round(ours.latency.p99 / TARGET_P99_MS), // ≤ 1 meets the target
    },
    ...errorRows(`bundle_submit${suffix}`, ours, peer, PEER, log),
  ]
}

/**
 * Figure 2: the 企业开办 bundle (five department cases, one transaction) submitted over HTTP
 * by its signed-in applicant at 20 connections, on SQLite and, when set, PostgreSQL.
 */
export async function benchSubmit(): Promise<BenchRow[]> {
  const sqlite = await measure()
  const result = rows('', sqlite.ours, sqlite.peer)
  const adminUrl = postgresAdminUrl()
  if (!adminUrl) {
    log('PostgreSQL skipped (set DATABASE_URL or TEST_DATABASE_URL to include it)')
    return result
  }
  const database = await createPostgresDatabase(adminUrl)
  log(`postgres database ${database.name}`)
  try {
    const pg = await measure(database.url)
    return [...result, ...rows('_pg', pg.ours, pg.peer)]
  } finally {
    await database.drop()
  }
}
