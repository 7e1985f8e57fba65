/**
 * The data-quality figure of `npm run bench -- governance`: 1,000,000 generated 人口 rows (CSV)
 * checked against the population standard by ours (checkFile, as the HTTP check job) and by DuckDB
 * running the same checks in SQL, each in its own child process so each peak memory is its own.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BenchRow } from '../authz.js'
import { installChildCleanup, killAllChildren, startTs } from '../kernel/children.js'
import { chinaToday } from '../../src/modules/governance/standards/index.js'
import { compareCounts } from './compare-counts.js'
import type { CheckResult } from './peak-memory.js'
import { buildPeerSql, writeDivisionNames } from './peer-sql.js'
import { writePopulationCsv } from './population-csv.js'
import { PEAK_MEMORY_TARGET_MB, qualityRows } from './quality-rows.js'

const SEED = 2026
// A fixed instant, so "today" (ID birth dates, date validity) is the same on every run.
const RUN_AT = '2026-06-30T02:00:00Z'
const log = (line: string): void => void process.stderr.write(`governance: ${line}\n`)

function rowCount(): number {
  const text = process.env.GOVERNANCE_ROWS
  const count = text === undefined || text === '' ? 1_000_000 : Number(text)
  if (!Number.isInteger(count) || count < 1) throw new Error(`GOVERNANCE_ROWS=${text}: not a count`)
  return count
}

async function runChild(name: string, script: string, args: string[]): Promise<CheckResult> {
  const child = startTs(name, script, args, { captureStdout: true })
  const { code, stdout } = await child.exited
  if (code !== 0) throw new Error(`${name} exited with ${String(code)}`)
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as CheckResult
  log(
    `${name}: ${result.rows} rows in ${result.seconds.toFixed(2)} s ` +
      `(${Math.round(result.rows / result.seconds)} rows/s), peak RSS ${result.maxRssMb} MB ` +
      `(sampled every 50 ms: ${result.sampledRssMb} MB)`,
  )
  return result
}

async function writeCsv(path: string, count: number): Promise<void> {
  const started = performance.now()
  const bytes = await writePopulationCsv(path, count, SEED)
  const seconds = (performance.now() - started) / 1000
  log(
    `${count} rows written to ${path}: ${(bytes / 1024 / 1024).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
  )
}

const checkOurs = (file: string): Promise<CheckResult> =>
  runChild('tongban', 'bench/governance/check-child.ts', [file, RUN_AT])

/** Ours and the peer on the same file, then ours alone on a 3× file when GOVERNANCE_SCALE_CHECK=1. */
export async function benchQuality(): Promise<BenchRow[]> {
  installChildCleanup()
  const count = rowCount()
  const dir = await mkdtemp(join(tmpdir(), 'tongban-bench-quality-'))
  try {
    const csv = join(dir, 'population.csv')
    await writeCsv(csv, count)
    const divisions = join(dir, 'divisions.csv')
    log(`${await writeDivisionNames(divisions)} known division codes written for the peer`)
    const peerFile = join(dir, 'peer.json')
    await writeFile(
      peerFile,
      JSON.stringify(buildPeerSql(csv, divisions, chinaToday(new Date(RUN_AT)))),
    )

    const ours = await checkOurs(csv)
    const peer = await runChild('duckdb', 'bench/governance/duckdb-child.ts', [peerFile])
    // Information only: each on one thread (ours: one pass, no worker threads).
    const single = await runChild('duckdb-1-thread', 'bench/governance/duckdb-child.ts', [
      peerFile,
      '1',
    ])
    const onePass = await runChild('tongban-one-pass', 'bench/governance/check-child.ts', [
      csv,
      RUN_AT,
      '0',
    ])
    const ratio = (a: CheckResult, b: CheckResult): string => (b.seconds / a.seconds).toFixed(3)
    log(`tongban / DuckDB rows/s: ${ratio(ours, peer)}`)
    log(`on one thread each: tongban (one pass) / DuckDB (threads = 1): ${ratio(onePass, single)}`)
    const agreement = compareCounts(ours, peer, log)

    let scale: CheckResult | undefined
    if (process.env.GOVERNANCE_SCALE_CHECK === '1') {
      const large = join(dir, 'population-3x.csv')
      await rm(csv)
      await writeCsv(large, count * 3)
      scale = await checkOurs(large)
    } else {
      log('GOVERNANCE_SCALE_CHECK=1 also checks a 3× file with ours (peak memory at scale)')
    }
    const peaks = [`${ours.maxRssMb} MB (${count} rows)`]
    if (scale) peaks.push(`${scale.maxRssMb} MB (${count * 3} rows)`)
    log(`peak memory target ≤ ${PEAK_MEMORY_TARGET_MB} MB: tongban ${peaks.join(', ')}`)
    return qualityRows({ count, ours, peer, agreement, scale })
  } finally {
    killAllChildren()
    await rm(dir, { recursive: true, force: true })
  }
}
