import type { BenchRow } from '../authz.js'
import { load, measurePeer } from '../kernel/http.js'
import { errorRows } from './load-rows.js'
import { startServer, submitBundle } from './server.js'

const PEER = 'fastify-hello-world'
const log = (line: string): void => void process.stderr.write(`core/status: ${line}\n`)
const round = (n: number): number => Math.round(n * 100) / 100

/**
 * Figure 1: `GET /api/v1/approval/applications/:id` of a submitted start_company application
 * (five cases), as its signed-in applicant, at 50 connections, against the bare Fastify
 * hello-world loaded the same way in the same run.
 */
export async function benchStatus(): Promise<BenchRow[]> {
  const peer = await measurePeer()
  const server = await startServer('tongban', log)
  try {
    const id = await submitBundle(server)
    const url = `${server.base}/api/v1/approval/applications/${id}`
    const headers = { authorization: `Bearer ${server.token}` }
    const probe = await fetch(url, { headers })
    const bytes = (await probe.arrayBuffer()).byteLength
    if (probe.status !== 200) throw new Error(`GET ${url}: ${probe.status}`)
    log(`ours: GET /api/v1/approval/applications/:id (${bytes} bytes), 50 connections`)
    const ours = await load(url, headers)
    const base = { bench: 'core', peer: PEER }
    return [
      {
        ...base,
        metric: 'status_get_rps',
        value: round(ours.requests.average),
        unit: 'req/s',
        peerValue: round(peer.requests.average),
        ratio: round(ours.requests.average / peer.requests.average), // target ≥ 0.35
      },
      {
        ...base,
        metric: 'status_get_p99',
        value: round(ours.latency.p99),
        unit: 'ms',
        peerValue: round(peer.latency.p99),
        ratio: round(ours.latency.p99 / peer.latency.p99), // lower is better
      },
      ...errorRows('status_get', ours, peer, PEER, log),
    ]
  } finally {
    await server.stop()
  }
}
