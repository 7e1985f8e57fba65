import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { BenchRow } from './authz.js'
import { runFigures, type Emit } from './figures.js'
import type { AnalysisResult } from './insight/analysis-child.js'
import { writeSyntheticXes } from './insight/generate-log.js'
import { replayFigure } from './insight/replay-hook.js'
import { installChildCleanup, startTs } from './kernel/children.js'

const ROAD_FINE = path.resolve(
  process.cwd(),
  '../shared/data/eventlogs/Road_Traffic_Fine_Management_Process.xes.gz',
)
const TARGET_RATIO = 1.5
const MEMORY_TARGET_MB = 1024

const log = (line: string): void => void process.stderr.write(`insight: ${line}\n`)

function positive(name: string, fallback: number): number {
  const raw = process.env[name]
  const value = raw === undefined || raw === '' ? fallback : Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}=${raw}: not a count`)
  return value
}

async function runChild(mode: 'parse' | 'analyse', file: string): Promise<AnalysisResult> {
  const child = startTs(`insight-${mode}`, 'bench/insight/analysis-child.ts', [mode, file], {
    captureStdout: true,
  })
  const { code, stdout } = await child.exited
  if (code !== 0) throw new Error(`analysis child (${mode}) exited with ${String(code)}`)
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as AnalysisResult
  log(
    `${mode}: ${result.seconds.toFixed(2)} s, peak RSS ${result.maxRssMb} MB ${JSON.stringify(result)}`,
  )
  return result
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** Parse alone and the whole analysis, alternating, BENCH_ROUNDS times each; medians compared. */
async function roadFine(): Promise<BenchRow[]> {
  if (!existsSync(ROAD_FINE)) throw new Error(`${ROAD_FINE} not found (../shared/data/eventlogs)`)
  const rounds = positive('BENCH_ROUNDS', 3)
  const parse: AnalysisResult[] = []
  const analyse: AnalysisResult[] = []
  for (let round = 0; round < rounds; round++) {
    parse.push(await runChild('parse', ROAD_FINE))
    analyse.push(await runChild('analyse', ROAD_FINE))
  }
  const ratios = parse.map((p, i) => (analyse[i] as AnalysisResult).seconds / p.seconds)
  const cpuRatios = parse.map((p, i) => (analyse[i] as AnalysisResult).cpuSeconds / p.cpuSeconds)
  const show = (values: number[]) => values.map((r) => r.toFixed(2)).join(', ')
  log(`per-round ratios: wall ${show(ratios)}, CPU ${show(cpuRatios)} (target ≤ ${TARGET_RATIO})`)
  const ours = median(analyse.map((r) => r.seconds))
  const floor = median(parse.map((r) => r.seconds))
  const oursCpu = median(analyse.map((r) => r.cpuSeconds))
  const floorCpu = median(parse.map((r) => r.cpuSeconds))
  const oursMb = median(analyse.map((r) => r.maxRssMb))
  const floorMb = median(parse.map((r) => r.maxRssMb))
  const base = { bench: 'insight', peer: 'decompress + saxes parse only, same file, same run' }
  return [
    {
      ...base,
      metric: 'roadfine_analysis_seconds',
      value: ours,
      unit: 's',
      peerValue: floor,
      ratio: ours / floor,
    },
    {
      ...base,
      metric: 'roadfine_analysis_cpu_seconds',
      value: oursCpu,
      unit: 's',
      peerValue: floorCpu,
      ratio: oursCpu / floorCpu,
    },
    {
      ...base,
      metric: 'roadfine_analysis_peak_rss',
      value: oursMb,
      unit: 'MB',
      peerValue: floorMb,
      ratio: oursMb / floorMb,
    },
  ]
}

/** A generated log of BENCH_EVENTS (10 million) events, written to a temporary file and read back. */
async function tenMillion(): Promise<BenchRow[]> {
  const wanted = positive('BENCH_EVENTS', 10_000_000)
  const dir = await mkdtemp(path.join(tmpdir(), 'tongban-bench-insight-'))
  const file = path.join(dir, 'generated.xes')
  try {
    const started = performance.now()
    // 8 or 10 events a case (4 or 5 steps, each started and completed): 8.8 on average.
    const { bytes, events } = await writeSyntheticXes(file, Math.round(wanted / 8.8))
    log(
      `${events} events, ${(bytes / 2 ** 20).toFixed(0)} MiB written in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    )
    const result = await runChild('analyse', file)
    if (result.events !== events) throw new Error(`read ${result.events} events of ${events}`)
    const base = { bench: 'insight', peer: 'target' }
    return [
      {
        ...base,
        metric: 'generated_log_peak_rss',
        value: result.maxRssMb,
        unit: 'MB',
        peerValue: MEMORY_TARGET_MB,
        ratio: result.maxRssMb / MEMORY_TARGET_MB,
      },
      {
        ...base,
        metric: 'generated_log_events_per_second',
        value: Math.round(events / result.seconds),
        unit: 'events/s',
        peer: 'none',
        peerValue: 0,
        ratio: 0,
      },
    ]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * `npm run bench -- insight`: roadfine — the road-fine log (561,470 events): import + DFG +
 * variants + performance against decompress + parse alone (target ≤ 1.5×), seconds and peak
 * memory, each in its own child process; generated — a 10-million-event XES streamed from a
 * temporary file, peak memory against 1 GB; replay — the token-replay figure when
 * bench/insight/replay.ts exists. BENCH_ONLY=roadfine,generated,replay runs some.
 */
export function benchInsight(emit: Emit): Promise<void> {
  installChildCleanup()
  return runFigures(
    'insight',
    [
      { key: 'roadfine', name: 'road-fine log: analysis vs parse alone', run: roadFine },
      { key: 'generated', name: 'generated 10-million-event log: peak memory', run: tenMillion },
      { key: 'replay', name: 'token replay of the road-fine log', run: () => replayFigure(log) },
    ],
    emit,
  )
}
