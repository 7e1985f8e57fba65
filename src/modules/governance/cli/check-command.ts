import { stat, writeFile } from 'node:fs/promises'
import { InputError } from '../input/index.js'
import type { ReadSummary } from '../input/index.js'
import { createProfiler } from '../profile/index.js'
import type { DatasetProfile } from '../profile/index.js'
import { checkFileRows, standardRules } from '../quality/index.js'
import type { FileCheck, QualityReport } from '../quality/index.js'
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

/** Checks the file and profiles its columns in one read (worker threads for a large CSV file). */
async function checkFile(options: CheckOptions, io: CliIo): Promise<CheckResult> {
  const { file, standard } = options
  const started = io.now()
  const bytes = await fileSize(file)
  const progress = createReadProgress({ stream: io.err, now: io.now, totalBytes: bytes })
  let checked: FileCheck
  try {
    checked = await checkFileRows(file, {
      standard,
      specs: standardRules(standard),
      runOptions: (header) => ({
        runAt: new Date(),
        columns: matchColumns(standard, header.columns).columns,
        samplesPerRule: options.samples,
      }),
      profile: true,
      onProgress: (bytesRead, events) => progress.update(events, () => bytesRead),
    })
  } catch (error) {
    progress.clear()
    throw error
  }
  const { kind, encoding, columns, rows, errors, bytesRead } = checked.summary
  const input = { kind, encoding, columns, rows, errors, bytesRead, bytes }
  progress.finish(rows, errors)
  return {
    file,
    input,
    columns: matchColumns(standard, columns),
    report: checked.report,
    profile: checked.profile ?? createProfiler().snapshot(),
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
