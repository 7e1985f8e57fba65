import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_READ_OPTIONS, inputName, inputSize, readHeader, readRows } from '../input/index.js'
import type { FileHeader, FileInput, ReadSummary } from '../input/index.js'
import { createProfiler } from '../profile/index.js'
import type { DatasetProfile, ProfileOptions } from '../profile/index.js'
import type { DataStandard } from '../standards/index.js'
import type { CheckWorkerSetup } from './check-worker-protocol.js'
import { checkCsvInParallel, prepareWorkers } from './parallel-check.js'
import type { ParallelSettings } from './parallel-check.js'
import type { QualityReport } from './quality-report.js'
import { createQualityRun } from './quality-run.js'
import type { QualityRun, QualityRunOptions } from './quality-run.js'
import type { QualityRuleSpec } from './rule.types.js'

export interface FileCheckOptions {
  standard: DataStandard
  specs: readonly QualityRuleSpec[]
  /** The run's options once the header is known (e.g. its column map); may throw to refuse the file. */
  runOptions(header: FileHeader): QualityRunOptions
  /** Profile the file's columns too (options, or true for the defaults). */
  profile?: ProfileOptions | true
  /** Told the bytes read so far and the events (rows and errors) seen so far. */
  onProgress?: (bytesRead: number, events: number) => void
  /** Worker threads for CSV files: settings, or false for one pass (default: on). */
  parallel?: Partial<ParallelSettings & { minBytes: number }> | false
  /**
   * Where uniqueness keys past the memory budget go: a directory made for the run in `tempDir`
   * (default the system's), removed when the check ends, failed or not.
   */
  keySpill?: { tempDir?: string; memoryKeys?: number }
}

export interface FileCheck {
  report: QualityReport
  /** The columns' profile when asked for, else null. */
  profile: DatasetProfile | null
  summary: ReadSummary
  /** Worker threads that checked the file, 0 for one pass in this thread. */
  workers: number
  /** Why a file that could be checked in parallel was read in one pass instead. */
  fallback: string | null
}

/** Below this size a file is checked in one pass: starting workers would cost more. */
const MIN_PARALLEL_BYTES = 16 * 1024 * 1024

function parallelSettings(
  options: FileCheckOptions,
): (ParallelSettings & { minBytes: number }) | null {
  if (options.parallel === false) return null
  const workers = options.parallel?.workers ?? Math.min(availableParallelism(), 4)
  if (workers < 2) return null
  return {
    workers,
    chunkBytes: options.parallel?.chunkBytes ?? 1024 * 1024,
    minBytes: options.parallel?.minBytes ?? MIN_PARALLEL_BYTES,
    ...(options.parallel?.heap === undefined ? {} : { heap: options.parallel.heap }),
  }
}

/** Rules a worker can be sent: a reference rule's value set is an object with a method. */
const cloneable = (specs: readonly QualityRuleSpec[]): boolean =>
  specs.every((spec) => spec.kind !== 'reference')

const profileOptions = (options: FileCheckOptions): ProfileOptions | null =>
  options.profile === undefined ? null : options.profile === true ? {} : options.profile

async function checkInOnePass(
  path: FileInput,
  options: FileCheckOptions,
  runOptions: QualityRunOptions,
): Promise<{ report: QualityReport; summary: ReadSummary; profile: DatasetProfile | null }> {
  const run = createQualityRun(options.standard, options.specs, runOptions)
  try {
    const wanted = profileOptions(options)
    const profiler = wanted === null ? null : createProfiler(wanted)
    const reader = readRows(path)
    let events = 0
    for await (const event of reader) {
      run.add(event)
      if (event.kind === 'row') profiler?.add(event.record)
      options.onProgress?.(reader.summary().bytesRead, ++events)
    }
    const profile = profiler?.snapshot() ?? null
    return { report: run.finish(), summary: reader.summary(), profile }
  } finally {
    run.close()
  }
}

/** A directory of the run's own for spilled keys, removed by `remove`. */
async function spillPlace(options: FileCheckOptions) {
  const parent = options.keySpill?.tempDir ?? tmpdir()
  await mkdir(parent, { recursive: true })
  const dir = await mkdtemp(join(parent, 'keys-'))
  const { memoryKeys } = options.keySpill ?? {}
  return {
    spill: { dir, ...(memoryKeys === undefined ? {} : { memoryKeys }) },
    remove: () => rm(dir, { recursive: true, force: true }),
  }
}

/**
 * Checks a file's rows against rules: its header first (runOptions may refuse the file there),
 * then every row, in bounded memory. A CSV file in UTF-8 or GB18030 large enough is checked in
 * worker threads (parallel-check.ts) with the same report as one pass; other files, small
 * files, rule sets a worker cannot be sent, and files a chunk of which cannot be read on its own
 * are read in one pass in this thread.
 */
export async function checkFileRows(
  path: FileInput,
  options: FileCheckOptions,
): Promise<FileCheck> {
  const settings = parallelSettings(options)
  if (settings !== null) void prepareWorkers()
  const header = await readHeader(path)
  const asked = options.runOptions(header)
  const place = await spillPlace(options)
  try {
    return await checkWithHeader(path, options, header, settings, { ...asked, spill: place.spill })
  } finally {
    await place.remove()
  }
}

async function checkWithHeader(
  path: FileInput,
  options: FileCheckOptions,
  header: FileHeader,
  settings: (ParallelSettings & { minBytes: number }) | null,
  runOptions: QualityRunOptions,
): Promise<FileCheck> {
  const { kind, encoding, columns, delimiter } = header
  const csv =
    kind === 'csv' && delimiter !== null && (encoding === 'utf-8' || encoding === 'gb18030')
  if (settings === null || !csv || !cloneable(options.specs)) {
    return { ...(await checkInOnePass(path, options, runOptions)), workers: 0, fallback: null }
  }
  const size = await inputSize(path)
  if (size < settings.minBytes) {
    return { ...(await checkInOnePass(path, options, runOptions)), workers: 0, fallback: null }
  }
  const { trim, maxRecordChars, maxRecordLines } = DEFAULT_READ_OPTIONS
  const setup: CheckWorkerSetup = {
    standard: options.standard,
    specs: options.specs,
    run: runOptions,
    csv: { delimiter, trim, encoding, maxRecordChars, maxRecordLines, columns },
    profile: profileOptions(options),
  }
  const run = createQualityRun(options.standard, options.specs, runOptions)
  try {
    return await parallelCheck(path, options, runOptions, { header, setup, settings, run, size })
  } finally {
    run.close()
  }
}

async function parallelCheck(
  path: FileInput,
  options: FileCheckOptions,
  runOptions: QualityRunOptions,
  parallel: {
    header: FileHeader
    setup: CheckWorkerSetup
    settings: ParallelSettings & { minBytes: number }
    run: QualityRun
    size: number
  },
): Promise<FileCheck> {
  const { header, setup, settings, run, size } = parallel
  const { kind, encoding, columns } = header
  const profiler = setup.profile === null ? undefined : createProfiler(setup.profile)
  const onBytes = (bytes: number, events: number) => options.onProgress?.(bytes, events)
  const outcome = await checkCsvInParallel(path, setup, run, settings, onBytes, profiler)
  if (!outcome.ok) {
    // The parallel run is dropped: its spilled keys go before the one pass spills its own.
    run.close()
    const single = await checkInOnePass(path, options, runOptions)
    return { ...single, workers: 0, fallback: outcome.problem }
  }
  const summary: ReadSummary = {
    file: inputName(path),
    kind,
    encoding,
    columns: [...columns],
    rows: outcome.rows,
    errors: outcome.errors,
    bytesRead: size,
    complete: true,
  }
  const profile = profiler?.snapshot() ?? null
  return { report: run.finish(), profile, summary, workers: settings.workers, fallback: null }
}
