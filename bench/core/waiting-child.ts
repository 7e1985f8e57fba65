import { statSync } from 'node:fs'
import { sql } from 'kysely'
import { openBenchApp, submitItem } from './bench-app.js'
import { settledMemory } from './memory.js'

/**
 * Figure 4, ours: the composed app (as `serve` builds it) on SQLite in a fresh directory parks
 * COUNT applications of the 5-department parallel item at their user tasks, through the
 * service API, then reports its memory after full GCs. Run with --expose-gc.
 * Usage: waiting-child.ts COUNT. One JSON line on stdout, progress on stderr.
 */
const count = Number(process.argv[2] ?? '100000')
const log = (line: string): void => void process.stderr.write(`${line}\n`)

const bench = await openBenchApp(5)
try {
  const before = await settledMemory()
  log(`${count} submissions; rss ${before.rssMb.toFixed(1)} MB before (app built, demo seeded)`)
  const started = performance.now()
  const step = Math.max(1, Math.floor(count / 10))
  for (let i = 1; i <= count; i++) {
    await submitItem(bench, `W-${i}`)
    if (i % 2_000 === 0) await bench.app.database.checkpoint() // the server does this every 2 s
    if (i % step === 0) {
      const { rss } = process.memoryUsage()
      const rate = i / ((performance.now() - started) / 1000)
      log(`${i} parked, ${rate.toFixed(0)}/s, rss ${(rss / 1024 / 1024).toFixed(1)} MB (no GC)`)
    }
  }
  const seconds = (performance.now() - started) / 1000
  await bench.app.database.checkpoint()
  const { rows } = await sql<{ n: number }>`select count(*) as n from approval_tasks
    where state = 'open'`.execute(bench.app.database.db)
  const after = await settledMemory()
  const result = {
    count,
    seconds,
    openTasks: Number(rows[0]?.n ?? 0),
    rssBeforeMb: before.rssMb,
    rssMb: after.rssMb,
    heapUsedMb: after.heapUsedMb,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    databaseMb: statSync(bench.app.config.sqlitePath).size / 1024 / 1024,
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
} finally {
  await bench.dispose()
}
