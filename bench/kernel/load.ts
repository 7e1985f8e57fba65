import { createRequire } from 'node:module'

/**
 * The load generator, run as its own process so it does not share a CPU-bound event loop with
 * either server. Usage: load.ts '{"url":…,"connections":50,"seconds":10,"warmupSeconds":2}'.
 * Runs an unrecorded warm-up, then the measured run, and prints autocannon's result as one JSON
 * line on stdout.
 */
export interface LoadSpec {
  url: string
  connections: number
  seconds: number
  warmupSeconds: number
  headers?: Record<string, string>
  /** GET unless set; `body` is sent as is (set a content-type header with it). */
  method?: 'GET' | 'POST'
  body?: string
}

/** The part of autocannon's result the kernel benchmark reads. */
export interface LoadResult {
  requests: { average: number; total: number }
  latency: { average: number; p50: number; p99: number; max: number }
  errors: number
  timeouts: number
  non2xx: number
  statusCodeStats: Record<string, { count: number }>
}

interface AutocannonOptions {
  url: string
  connections: number
  duration: number
  headers?: Record<string, string>
  method?: string
  body?: string
}

// autocannon ships no type declarations; this is the slice of its API used here.
type Autocannon = (options: AutocannonOptions) => Promise<LoadResult>

const require = createRequire(import.meta.url)
const autocannon = require('autocannon') as Autocannon

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '') as LoadSpec
  const base: Omit<AutocannonOptions, 'duration'> = {
    url: spec.url,
    connections: spec.connections,
    headers: spec.headers ?? {},
    ...(spec.method ? { method: spec.method } : {}),
    ...(spec.body === undefined ? {} : { body: spec.body }),
  }
  if (spec.warmupSeconds > 0) await autocannon({ ...base, duration: spec.warmupSeconds })
  const result = await autocannon({ ...base, duration: spec.seconds })
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

await main()
