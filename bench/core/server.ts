import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_BUNDLE_SAMPLES } from '../../src/modules/catalog/demo/index.js'
import { DEMO_PERSONS } from '../../src/modules/identity/demo/index.js'
import { freePort, startTs, stop, waitForOk, type Child } from '../kernel/children.js'
import { serverEnv, signIn } from '../kernel/http.js'

export interface RunningServer {
  base: string
  /** Access token of the start_company sample's applicant, signed in through the API. */
  token: string
  stop(): Promise<void>
}

/** The 企业开办 sample: its merged form and the demo person who applies. */
export function startCompanySample() {
  const sample = DEMO_BUNDLE_SAMPLES.find((s) => s.bundleCode === 'start_company')
  if (!sample) throw new Error('the demo lacks the start_company sample')
  const applicant = DEMO_PERSONS.findIndex((p) => p.idNumber === sample.applicantIdNumber)
  if (applicant < 0) throw new Error(`no demo person ${sample.applicantIdNumber}`)
  return { body: { kind: 'bundle', code: 'start_company', form: sample.form }, applicant }
}

/**
 * The real server as a child process (`src/main.ts serve --seed-if-empty`, as the kernel's
 * HTTP figure runs it): embedded SQLite in a fresh directory, or the PostgreSQL database
 * `databaseUrl`; the sample's applicant signed in.
 */
export async function startServer(
  name: string,
  log: (line: string) => void,
  databaseUrl?: string,
): Promise<RunningServer> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-bench-core-'))
  const base = `http://127.0.0.1:${port}`
  const env = serverEnv(dataDir, port)
  if (databaseUrl) env.TONGBAN_DATABASE_URL = databaseUrl
  let server: Child | undefined
  const cleanUp = async () => {
    if (server) await stop(server)
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    log(`starting tongban on :${port} (${databaseUrl ? 'postgres' : 'sqlite'}); seeding…`)
    const started = Date.now()
    server = startTs(name, 'src/main.ts', ['serve', '--seed-if-empty'], { env })
    await waitForOk(`${base}/readyz`, server, 180_000)
    log(`ready after ${((Date.now() - started) / 1000).toFixed(1)} s`)
    const token = await signIn(base, startCompanySample().applicant)
    return { base, token, stop: cleanUp }
  } catch (error) {
    await cleanUp()
    throw error
  }
}

/** POSTs the start_company sample once; returns the new application's id. */
export async function submitBundle(server: RunningServer): Promise<string> {
  const response = await fetch(`${server.base}/api/v1/approval/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: JSON.stringify(startCompanySample().body),
  })
  const text = await response.text()
  if (response.status !== 201) throw new Error(`submit: ${response.status} ${text}`)
  return (JSON.parse(text) as { id: string }).id
}
