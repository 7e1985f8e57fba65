import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'
import { findDuplicates, pairwiseScores } from '../dedup/index.js'
import type {
  DedupRecord,
  DedupResult,
  DuplicateCluster,
  PairwiseScores,
  ScoredPair,
} from '../dedup/index.js'
import { InputError, readRows } from '../input/index.js'
import type { FileKind, RowEvent, TextEncoding } from '../input/index.js'
import { fileSize, inputFailure, writeOutput } from './check-command.js'
import { say } from './cli-io.js'
import type { CliIo } from './cli-io.js'
import { dedupSummaryText } from './dedup-summary.js'
import { DEDUP_PRESETS, expectedColumns, matchFields, toDedupRecord } from './dedup-records.js'
import { modelWarnings } from './dedup-warnings.js'
import type { DedupKind } from './dedup-records.js'
import { createReadProgress } from './progress.js'
import { count, seconds } from './text-format.js'

export interface DedupOptions {
  file: string
  kind: DedupKind
  json: string | undefined
  /** A column naming the entity each row stands for: precision and recall are reported. */
  truth: string | undefined
  /** Clusters printed in full. */
  show: number
}

/** Possible pairs kept in the JSON report, strongest first. */
const POSSIBLE_PAIRS_KEPT = 1_000
const UNREADABLE_KEPT = 5

type Pair = Omit<ScoredPair, 'a' | 'b'> & { a: number; b: number }

/** A cluster with records named by their file lines, and the members' compared values. */
export interface ClusterOut {
  lines: number[]
  confidence: number
  meanPosterior: number
  evidence: DuplicateCluster['evidence']
  edges: Pair[]
  records: { line: number; fields: DedupRecord['fields'] }[]
}

/** The JSON report of `data dedup`. */
export interface DedupReport {
  file: string
  kind: DedupKind
  input: {
    kind: FileKind | null
    encoding: TextEncoding | null
    rows: number
    bytes: number | null
  }
  /** Compared field → the file's column holding it. */
  fields: Record<string, string>
  unreadable: { count: number; first: { line: number; reason: string; message: string }[] }
  pairsCompared: number
  allPairs: number
  blockStats: DedupResult['blockStats']
  model: DedupResult['model']
  clusterCount: number
  recordsInClusters: number
  clusters: ClusterOut[]
  possiblePairCount: number
  possiblePairs: Pair[]
  evaluation: (PairwiseScores & { truthColumn: string }) | null
  /** Reasons to doubt the clusters (a model that had almost no duplicates to learn from). */
  warnings: LocalizedMessage[]
  durationMs: number
}

/** A refusal found while reading: 1 for the file, 2 for the command line. */
class DedupRefusal extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    message: string,
  ) {
    super(message)
  }
}

interface Loaded {
  records: DedupRecord[]
  fields: Record<string, string>
  truth: Map<string, string> | null
  unreadable: DedupReport['unreadable']
  input: DedupReport['input']
}

function noColumns(options: DedupOptions, header: readonly string[]): DedupRefusal {
  return new DedupRefusal(
    1,
    `tongban data dedup: 文件“${options.file}”中没有可比对的列（需要：${expectedColumns(options.kind)}；现有：${header.join(', ')}）\n` +
      `${options.file}: no column to compare (looked for ${expectedColumns(options.kind)}; the file has ${header.join(', ')})`,
  )
}

function noTruth(options: DedupOptions, header: readonly string[]): DedupRefusal {
  return new DedupRefusal(
    2,
    `tongban data dedup: 文件中没有 --truth 指定的列“${options.truth ?? ''}”（现有：${header.join(', ')}）\n` +
      `no column "${options.truth ?? ''}" for --truth in ${options.file} (columns: ${header.join(', ')})`,
  )
}

/** Reads every row into records holding only the compared fields (dedup needs them all). */
async function loadRecords(options: DedupOptions, io: CliIo): Promise<Loaded> {
  const bytes = await fileSize(options.file)
  const reader = readRows(options.file)
  const progress = createReadProgress({ stream: io.err, now: io.now, totalBytes: bytes })
  const records: DedupRecord[] = []
  const truth = options.truth === undefined ? null : new Map<string, string>()
  const unreadable: DedupReport['unreadable'] = { count: 0, first: [] }
  let fields: Record<string, string> | undefined
  const start = (): Record<string, string> => {
    const header = reader.summary().columns
    const matched = matchFields(options.kind, header)
    if (Object.keys(matched).length === 0) throw noColumns(options, header)
    if (options.truth !== undefined && !header.includes(options.truth))
      throw noTruth(options, header)
    return matched
  }
  const add = (event: RowEvent): void => {
    if (event.kind === 'error') {
      unreadable.count++
      const { code, zh, en } = event.reason
      if (unreadable.first.length < UNREADABLE_KEPT)
        unreadable.first.push({ line: event.line, reason: code, message: `${zh} / ${en}` })
      return
    }
    fields ??= start()
    const record = toDedupRecord(event.line, event.record, fields)
    records.push(record)
    if (truth !== null && options.truth !== undefined)
      truth.set(record.id, event.record[options.truth] ?? record.id)
  }
  const readSoFar = (): number => reader.summary().bytesRead
  let events = 0
  try {
    for await (const event of reader) {
      add(event)
      progress.update(++events, readSoFar)
    }
  } catch (error) {
    progress.clear()
    throw error
  }
  fields ??= start()
  const summary = reader.summary()
  progress.finish(summary.rows, summary.errors)
  const input = { kind: summary.kind, encoding: summary.encoding, rows: summary.rows, bytes }
  return { records, fields, truth, unreadable, input }
}

const toPair = (pair: ScoredPair): Pair => ({ ...pair, a: Number(pair.a), b: Number(pair.b) })

function toCluster(cluster: DuplicateCluster, byId: ReadonlyMap<string, DedupRecord>): ClusterOut {
  const lines = cluster.recordIds.map(Number).sort((x, y) => x - y)
  return {
    lines,
    confidence: cluster.confidence,
    meanPosterior: cluster.meanPosterior,
    evidence: cluster.evidence,
    edges: cluster.edges.map(toPair),
    records: lines.map((line) => ({ line, fields: byId.get(String(line))?.fields ?? {} })),
  }
}

function buildReport(
  options: DedupOptions,
  loaded: Loaded,
  result: DedupResult,
  durationMs: number,
): DedupReport {
  const byId = new Map(loaded.records.map((record) => [record.id, record]))
  const clusters = result.clusters
    .map((cluster) => toCluster(cluster, byId))
    .sort((x, y) => (x.lines[0] ?? 0) - (y.lines[0] ?? 0))
  const { truth } = loaded
  const evaluation =
    truth === null || options.truth === undefined
      ? null
      : {
          truthColumn: options.truth,
          ...pairwiseScores(result.clusters, [...truth.keys()], (id) => truth.get(id) ?? id),
        }
  return {
    file: options.file,
    kind: options.kind,
    input: loaded.input,
    fields: loaded.fields,
    unreadable: loaded.unreadable,
    pairsCompared: result.pairsCompared,
    allPairs: result.allPairs,
    blockStats: result.blockStats,
    model: result.model,
    clusterCount: clusters.length,
    recordsInClusters: clusters.reduce((sum, c) => sum + c.lines.length, 0),
    clusters,
    possiblePairCount: result.possiblePairs.length,
    possiblePairs: result.possiblePairs.slice(0, POSSIBLE_PAIRS_KEPT).map(toPair),
    evaluation,
    warnings: modelWarnings(result.model, clusters.length),
    durationMs,
  }
}

async function dedupFile(options: DedupOptions, io: CliIo): Promise<DedupReport> {
  const started = io.now()
  const loaded = await loadRecords(options, io)
  say(io, `比对中 matching ${count(loaded.records.length)} 条记录 records…`)
  const matching = io.now()
  const result = findDuplicates(loaded.records, DEDUP_PRESETS[options.kind].config)
  say(io, `比对完成 matched in ${seconds(io.now() - matching)}`)
  return buildReport(options, loaded, result, io.now() - started)
}

/** `tongban data dedup`: 0 when it ran, 1 when the file cannot be read, 2 for a bad --truth. */
export async function runDedup(options: DedupOptions, io: CliIo): Promise<number> {
  let report: DedupReport
  try {
    report = await dedupFile(options, io)
  } catch (error) {
    if (error instanceof InputError) {
      say(io, inputFailure('dedup', error))
      return 1
    }
    if (!(error instanceof DedupRefusal)) throw error
    say(io, error.message)
    return error.exitCode
  }
  io.out(dedupSummaryText(report, { shown: options.show }))
  if (options.json === undefined) return 0
  const ok = await writeOutput(io, options.json, `${JSON.stringify(report, null, 2)}\n`)
  if (ok) say(io, `报告已写入 report written: ${options.json}`)
  return ok ? 0 : 1
}
