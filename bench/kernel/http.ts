import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BenchRow } from '../authz.js'
import { DEMO_PASSWORD, DEMO_PERSONS } from '../../src/modules/identity/demo/index.js'
import { freePort, startTs, stop, waitForOk, type Child } from './children.js'
import type { LoadResult, LoadSpec } from './load.js'

const CONNECTIONS = 50
const WARMUP_SECONDS = 2
const PEER = 'fastify-hello-world'

function seconds(): number {
  const raw = Number(process.env.BENCH_SECONDS ?? '10')
  return Number.isFinite(raw) && raw > 0 ? raw : 10
}

function log(line: string): void {
  process.stderr.write(`kernel/http: ${line}\n`)
}

/**
 * Runs bench/kernel/load.ts as a separate process and parses its one-line result. `options`
 * overrides the defaults (50 connections, `BENCH_SECONDS`, 2 s warm-up, GET).
 */
export async function load(
  url: string,
  headers: Record<string, string> = {},
  options: Partial<Omit<LoadSpec, 'url' | 'headers'>> = {},
): Promise<LoadResult> {
  const spec: LoadSpec = {
    url,
    connections: CONNECTIONS,
    seconds: seconds(),
    warmupSeconds: WARMUP_SECONDS,
    headers,
    ...options,
  }
  const args = [JSON.stringify(spec)]
  const child = startTs('load', 'bench/kernel/load.ts', args, { captureStdout: true })
  const { code, stdout } = await child.exited
  if (code !== 0) throw new Error(`load generator exited with ${code}`)
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as LoadResult
}

/** The bare Fastify hello-world, loaded the same way (50 connections). */
export async function measurePeer(): Promise<LoadResult> {
  const port = await freePort()
  const server = startTs('bare', 'bench/kernel/bare-server.ts', [String(port)])
  try {
    await waitForOk(`http://127.0.0.1:${port}/hello`, server, 30_000)
    log(`peer: bare Fastify on :${port}, ${CONNECTIONS} connections, ${seconds()} s`)
    return await load(`http://127.0.0.1:${port}/hello`)
  } finally {
    await stop(server)
  }
}

/** The environment for the real server: embedded SQLite in a fresh directory, demo on. */
export function serverEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of ['DATABASE_URL', 'TONGBAN_DATABASE_URL', 'TONGBAN_SQLITE_PATH', 'NODE_ENV']) {
    delete env[name]
  }
  return {
    ...env,
    TONGBAN_DATA_DIR: dataDir,
    TONGBAN_PORT: String(port),
    TONGBAN_HOST: '127.0.0.1',
    TONGBAN_LOG_LEVEL: 'warn',
    TONGBAN_SECRET: randomBytes(30).toString('base64url'), // 40 characters
    TONGBAN_DEMO: 'true',
  }
}

export async function call<T>(base: string, path: string, body?: unknown): Promise<T> {
  const json = { 'content-type': 'application/json' }
  const init: RequestInit =
    body === undefined ? {} : { method: 'POST', headers: json, body: JSON.stringify(body) }
  const response = await fetch(`${base}${path}`, init)
  const text = await response.text()
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text}`)
  return JSON.parse(text) as T
}

/** Signs a demo citizen in through the API (password, then the SMS code from the demo outbox). */
export async function signIn(base: string, index = 0): Promise<string> {
  const person = DEMO_PERSONS[index]
  if (!person) throw new Error(`no demo person ${index}`)
  const { challengeId } = await call<{ challengeId: string }>(base, '/api/v1/auth/sign-in', {
    kind: 'person',
    identifier: person.idNumber,
    password: DEMO_PASSWORD,
    channel: 'app',
  })
  const sms = await call<Array<{ body: string }>>(base, `/api/v1/demo/sms?phone=${person.phone}`)
  const code = /\d{6}/.exec(sms[0]?.body ?? '')?.[0]
  if (!code) throw new Error(`no SMS code for ${person.phone}`)
  const { accessToken } = await call<{ accessToken: string }>(base, '/api/v1/auth/verify', {
    challengeId,
    code,
  })
  return accessToken
}

async function measureOurs(): Promise<{ result: LoadResult; path: string }> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-bench-'))
  const base = `http://127.0.0.1:${port}`
  let server: Child | undefined
  try {
    log(`starting tongban on :${port} (data ${dataDir}); seeding the demo city…`)
    const started = Date.now()
    server = startTs('tongban', 'src/main.ts', ['serve', '--seed-if-empty'], {
      env: serverEnv(dataDir, port),
    })
    await waitForOk(`${base}/readyz`, server, 180_000)
    log(`ready after ${((Date.now() - started) / 1000).toFixed(1)} s`)
    const token = await signIn(base)
    type List = { items: Array<{ implementationCode: string }> }
    const list = await call<List>(base, '/api/v1/catalog/items')
    const code = list.items[0]?.implementationCode
    if (!code) throw new Error('no published catalogue items')
    const path = `/api/v1/catalog/items/${encodeURIComponent(code)}`
    const headers = { authorization: `Bearer ${token}` }
    const probe = await fetch(`${base}${path}`, { headers })
    const bytes = (await probe.arrayBuffer()).byteLength
    if (probe.status !== 200) throw new Error(`GET ${path}: ${probe.status}`)
    log(`ours: GET ${path} (${bytes} bytes) as a signed-in citizen, ${CONNECTIONS} connections`)
    const result = await load(`${base}${path}`, headers)
    return { result, path }
  } finally {
    if (server) await stop(server)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const round = (n: number): number => Math.round(n * 100) / 100

/** Figure 1: an authenticated item-with-guide read against a bare Fastify hello-world. */
export async function benchHttp(): Promise<BenchRow[]> {
  const peer = await measurePeer()
  const { result: ours } = await measureOurs()
  const base = { bench: 'kernel', peer: PEER }
  const rows: BenchRow[] = [
    {
      ...base,
      metric: 'item_get_rps',
      value: round(ours.requests.average),
      unit: 'req/s',
      peerValue: round(peer.requests.average),
      // higher is better; the target is ≥ 0.35
      ratio: round(ours.requests.average / peer.requests.average),
    },
    {
      ...base,
      metric: 'item_get_p99',
      value: round(ours.latency.p99),
      unit: 'ms',
      peerValue: round(peer.latency.p99),
      ratio: round(ours.latency.p99 / peer.latency.p99),
    },
  ]
  log('item_get_p99: ratio = ours / peer, so lower is better')
  const failures = ours.non2xx + ours.errors + ours.timeouts
  if (failures > 0) {
    log(
      `WARNING: ${ours.non2xx} non-2xx, ${ours.errors} errors, ${ours.timeouts} timeouts ` +
        `(status codes ${JSON.stringify(ours.statusCodeStats)})`,
    )
    // ratio here is the failed share of our requests (the peer's count is usually 0).
    rows.push({
      ...base,
      metric: 'item_get_errors',
      value: failures,
      unit: 'responses',
      peerValue: peer.non2xx + peer.errors + peer.timeouts,
      ratio: Math.round((failures / Math.max(1, ours.requests.total + ours.errors)) * 1e4) / 1e4,
    })
  }
  return rows
}
