import { statSync } from 'node:fs'
import { sql } from 'kysely'
import type { App } from '../../src/app.js'
import { benchConfig, openBenchApp } from './matching-setup.js'

/** What the child reports on stdout, one JSON line. */
export type MatchingJobResult = {
  seconds: number
  jobs: number
  rssBeforeMb: number
  /** getrusage's high-water mark of the whole child (opening the app included). */
  peakRssMb: number
  /** The highest of the 100 ms samples, which only run when the event loop gets a turn. */
  sampledPeakRssMb: number
  samples: number
  /** The longest gap between two 100 ms ticks: how long the job kept the event loop. */
  longestStallMs: number
  checkpoints: number
  /** The WAL file when the job ends, before closing checkpoints it. */
  walMb: number
}

const SAMPLE_MS = 100
const mb = (bytes: number): number => bytes / 1_048_576

/**
 * The measured part of the end-to-end figure, alone in its process so its peak RSS is the job's:
 * opens the app on the prepared SQLite file and runs `app.runner.drain()` until no enterprise is
 * left to match. As `startBackground` would, it checkpoints the WAL on the configured interval
 * (nothing else of the background: no job polling, SLA scan or audit sealing).
 */
async function main(dataDir: string): Promise<MatchingJobResult> {
  const app = await openBenchApp(dataDir)
  try {
    const rssBefore = process.memoryUsage().rss
    const ticks = sampler()
    let checkpoints = 0
    const checkpointTimer = setInterval(
      () => void app.database.checkpoint().then(() => checkpoints++),
      benchConfig(dataDir).checkpointIntervalMs,
    )
    const started = performance.now()
    let jobs = 0
    for (;;) {
      const ran = await app.runner.drain()
      jobs += ran
      const left = await dirtyEnterprises(app)
      if (left === 0) break
      if (ran === 0) throw new Error(`${left} enterprises still dirty and no job left to run`)
    }
    const seconds = (performance.now() - started) / 1000
    clearInterval(checkpointTimer)
    const sampled = ticks.stop()
    const wal = statSync(`${benchConfig(dataDir).sqlitePath}-wal`, { throwIfNoEntry: false })
    return {
      seconds,
      jobs,
      rssBeforeMb: mb(rssBefore),
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      sampledPeakRssMb: mb(sampled.peak),
      samples: sampled.count,
      longestStallMs: sampled.longestGap,
      checkpoints,
      walMb: mb(wal?.size ?? 0),
    }
  } finally {
    await app.close()
  }
}

async function dirtyEnterprises(app: App): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from policy_enterprises where dirty = 1`.execute(app.database.db)
  return rows[0]?.n ?? 0
}

/** RSS every 100 ms, and the longest time between two samples. */
function sampler() {
  let peak = process.memoryUsage().rss
  let count = 0
  let last = performance.now()
  let longestGap = 0
  const timer = setInterval(() => {
    const now = performance.now()
    longestGap = Math.max(longestGap, now - last)
    last = now
    count++
    peak = Math.max(peak, process.memoryUsage().rss)
  }, SAMPLE_MS)
  return {
    stop() {
      clearInterval(timer)
      longestGap = Math.max(longestGap, performance.now() - last)
      return { peak, count, longestGap }
    },
  }
}

const dataDir = process.argv[2]
if (dataDir === undefined) throw new Error('usage: matching-job-child.ts DATA_DIR')
const result = await main(dataDir)
process.stdout.write(`${JSON.stringify(result)}\n`)
