import { stat, writeFile } from 'node:fs/promises'
import { InputError, readRows } from '../input/index.js'
import type { ReadSummary } from '../input/index.js'
import { createProfiler } from '../profile/index.js'
import type { DatasetProfile } from '../profile/index.js'
import { createQualityRun, standardRules } from '../quality/index.js'
import type { QualityReport, QualityRun } from '../quality/index.js'
import type { DataStandard } from '../standards/index.js'
import { matchColumns } from './check-columns.js'
import type { ColumnMatch } from './check-columns.js'
import { checkSummaryText } from './check-summary.js'
import { say } from './cli-io.js'
import type { CliIo } from './cli-io.js'
import { checkHtml } from './html-report.js'
import { createReadProgress } from './progress.js'

export interface CheckOptions {
  file: string
  standard: DataStandard
  json: string | undefined
  html: string | undefined
  /** Failing rows kept per rule in the reports. */
  samples: number
}

/** What `data check` found: the JSON report's content, and what the summary and HTML show. */
export interface CheckResult {
  file: string
  input: Omit<ReadSummary, 'file' | 'complete'> & { bytes: number | null }
  /** Element key → the file's column that holds it; `missing`: elements with no column. */
  columns: ColumnMatch
  report: QualityReport
  profile: DatasetProfile
  durationMs: number
}

export async function fileSize(file: string): Promise<number | null> {
  try {
    const info = await stat(file)
    return info.isFile() ? info.size : null
  } catch {
    return null
  }
}

/** Reads the file once, feeding each row to the quality run and the profiler. */
async function checkFile(options: CheckOptions, io: CliIo): Promise<CheckResult> {
  const { file, standard } = options
  const started = io.now()
  const bytes = await fileSize(file)
  const reader = readRows(file)
  const profiler = createProfiler()
  const progress = createReadProgress({ stream: io.err, now: io.now, totalBytes: bytes })
  let run: QualityRun | undefined
  // The header is known once the first event arrives, so the run is made then.
  const start = (): QualityRun => {
    const { columns } = matchColumns(standard, reader.summary().columns)
    return createQualityRun(standard, standardRules(standard), {
      runAt: new Date(),
      columns,
      samplesPerRule: options.samples,
    })
  }
  const readSoFar = (): number => reader.summary().bytesRead
  let events = 0
  try {
    for await (const event of reader) {
      run ??= start()
      run.add(event)
      if (event.kind === 'row') profiler.add(event.record)
      progress.update(++events, readSoFar)
    }
  } catch (error) {
    progress.clear()
    throw error
  }
  run ??= start()
  const { kind, encoding, columns, rows, errors, bytesRead } = reader.summary()
  const input = { kind, encoding, columns, rows, errors, bytesRead, bytes }
  progress.finish(rows, errors)
  return {
    file,
    input,
    columns: matchColumns(standard, columns),
    report: run.finish(),
    profile: profiler.snapshot(),
    durationMs: io.now() - started,
  }
}

/** Writes an output file; a failure names the file and the reason. */
export async function writeOutput(io: CliIo, path: string, content: string): Promise<boolean> {
  try {
    await writeFile(path, content)
    return true
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    say(io, `无法写入文件“${path}” cannot write ${path}: ${reason}`)
    return false
  }
}

/** The message of a file that cannot be read, both languages. */
export const inputFailure = (command: string, error: InputError): string =>
  `tongban data ${command}: ${error.zh}\n${error.en}`

/**
 * `tongban data check`: 0 when the check ran (failures found or not), 1 when the file cannot be
 * read or a report cannot be written.
 */
export async function runCheck(options: CheckOptions, io: CliIo): Promise<number> {
  let result: CheckResult
  try {
    result = await checkFile(options, io)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    say(io, inputFailure('check', error))
    return 1
  }
  io.out(checkSummaryText(result, options.standard, { samplesShown: 3 }))
  let ok = true
  if (options.json !== undefined) {
    ok = (await writeOutput(io, options.json, `${JSON.stringify(result, null, 2)}\n`)) && ok
  }
  if (options.html !== undefined) {
    ok = (await writeOutput(io, options.html, checkHtml(result, options.standard))) && ok
  }
  const written = [options.json, options.html].filter((p): p is string => p !== undefined)
  if (ok && written.length > 0) {
    say(io, `报告已写入 report written: ${written.join(', ')}`)
  }
  return ok ? 0 : 1
}
