import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import type { BenchRow } from '../authz.js'
import type { Figure } from '../figures.js'
import { bpmnToPetriNet } from '../../src/modules/insight/conformance/bpmn-net.js'
import {
  compileReplayModel,
  type ReplayModel,
} from '../../src/modules/insight/conformance/replay-model.js'
import { fitnessPerCase, replayVariants } from '../../src/modules/insight/conformance/replay-log.js'
import { replayTrace } from '../../src/modules/insight/conformance/token-replay.js'
import { readXes } from '../../src/modules/insight/import/read-xes.js'
import { caseActivities, type EventLog } from '../../src/modules/insight/log/event-log.js'
import { indexVariants } from '../../src/modules/insight/log/variants.js'
import { discoverProcessTree } from '../../src/modules/insight/mining/inductive-miner.js'
import { processTreeToBpmn } from '../../src/modules/insight/mining/tree-to-bpmn.js'

/** The Italian police road-fine log (150,370 traces, 561,470 events); BENCH_ROAD_FINES overrides. */
export const ROAD_FINES =
  process.env.BENCH_ROAD_FINES ??
  resolve(
    import.meta.dirname,
    '../../../shared/data/eventlogs/Road_Traffic_Fine_Management_Process.xes.gz',
  )

const ROUNDS = 3
const OUR_RUNS = 5
const log = (line: string): void => void process.stderr.write(`insight replay: ${line}\n`)

export interface ReplayBenchOptions {
  /** The road-fine log already read (the insight benchmark reads it once for all figures). */
  readonly log?: EventLog
}

/** `npm run bench -- insight` figure: see benchReplay. */
export const replayFigure = (options: ReplayBenchOptions = {}): Figure => ({
  key: 'replay',
  name: 'token replay of every road-fine trace against its IMf (noise 0.2) model, as BPMN',
  run: () => benchReplay(options),
})

/**
 * Token replay of all traces of the road-fine log against the model IMf (noise 0.2) discovers
 * from it, written as BPMN and read back into a Petri net. Ours groups the cases into variants
 * (timed), replays each variant once and maps the results back to every case; the peer is the
 * same replay run trace by trace with no reuse. Both must agree on fitness and fitting traces;
 * rounds alternate the two, and the medians (the ratio: of the rounds' ratios) are reported.
 */
export async function benchReplay(options: ReplayBenchOptions = {}): Promise<BenchRow[]> {
  const eventLog = options.log ?? (await readRoadFines())
  const model = await discoveredModel(eventLog)
  const traces = eventLog.caseCount
  const ours: number[] = []
  const naive: number[] = []
  const ratios: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    // Ours is short, so each round times it several times and keeps the median.
    const runs = Array.from({ length: OUR_RUNS }, () => timed(() => perVariant(model, eventLog)))
    const a = runs.sort((x, y) => x.seconds - y.seconds)[Math.floor(OUR_RUNS / 2)]!
    const b = timed(() => perTrace(model, eventLog))
    if (
      Math.abs(a.result.fitness - b.result.fitness) > 1e-12 ||
      a.result.fitting !== b.result.fitting
    )
      throw new Error(`the two replays disagree: ${JSON.stringify([a.result, b.result])}`)
    ours.push(traces / a.seconds)
    naive.push(traces / b.seconds)
    ratios.push(b.seconds / a.seconds)
    log(
      `round ${round + 1}: per variant ${a.seconds.toFixed(3)} s, per trace ${b.seconds.toFixed(2)} s; ` +
        `log fitness ${a.result.fitness.toFixed(4)}, ${a.result.fitting} of ${traces} traces fit`,
    )
  }
  log(
    `load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  )
  const value = median(ours)
  const peerValue = median(naive)
  return [
    {
      bench: 'insight',
      metric: `token replay of ${traces.toLocaleString('en')} road-fine traces (per variant, mapped to cases)`,
      value: Math.round(value),
      unit: 'traces/s',
      peer: 'the same replay trace by trace, no per-variant reuse',
      peerValue: Math.round(peerValue),
      ratio: Number(median(ratios).toFixed(1)),
    },
  ]
}

async function readRoadFines(): Promise<EventLog> {
  const started = performance.now()
  const { log: eventLog } = await readXes(ROAD_FINES)
  log(`read ${eventLog.caseCount} traces in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return eventLog
}

async function discoveredModel(eventLog: EventLog): Promise<ReplayModel> {
  const { variants } = indexVariants(eventLog, { maxCaseIds: 0 })
  const xml = await processTreeToBpmn(discoverProcessTree(variants, { noiseThreshold: 0.2 }))
  const net = await bpmnToPetriNet(xml)
  if (!net.ok) throw new Error(`discovered model does not convert: ${JSON.stringify(net.errors)}`)
  log(`${variants.length} variants; model of ${net.net.transitions.length} transitions`)
  return compileReplayModel(net.net)
}

interface Totals {
  readonly fitness: number
  readonly fitting: number
}

function perVariant(model: ReplayModel, eventLog: EventLog): Totals {
  const { variants, caseVariant } = indexVariants(eventLog, { maxCaseIds: 0 })
  const report = replayVariants(model, variants)
  const perCase = fitnessPerCase(report, caseVariant)
  return { fitness: report.fitness, fitting: perCase.filter((f) => f === 1).length }
}

function perTrace(model: ReplayModel, eventLog: EventLog): Totals {
  const sum = { m: 0, r: 0, p: 0, c: 0, fitting: 0 }
  for (let c = 0; c < eventLog.caseCount; c++) {
    const replay = replayTrace(model, caseActivities(eventLog, c))
    sum.m += replay.missing
    sum.r += replay.remaining
    sum.p += replay.produced
    sum.c += replay.consumed
    if (replay.fitness === 1) sum.fitting++
  }
  return { fitness: 0.5 * (1 - sum.m / sum.c) + 0.5 * (1 - sum.r / sum.p), fitting: sum.fitting }
}

function timed<T>(run: () => T): { result: T; seconds: number } {
  const started = performance.now()
  const result = run()
  return { result, seconds: (performance.now() - started) / 1000 }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
