import type { Worker } from 'node:worker_threads'
import { csvChunks, LongLineError } from '../input/csv-chunks.js'
import type { CsvPartProblem } from '../input/csv-part.js'
import type { FileInput } from '../input/file-input.js'
import type { CheckWorkerSetup, FromWorker } from './check-worker-protocol.js'
import type { Profiler } from '../profile/index.js'
import type { QualityRun } from './quality-run.js'
import { startWorker, workerModule } from './ts-worker.js'

export interface ParallelSettings {
  /** Worker threads checking chunks (default: the cores available, at most 4). */
  workers: number
  /** Each worker's heap cap (default: young 4 MB, old 32 MB). */
  heap?: { youngMb: number; oldMb: number }
  /** Bytes per chunk (default 1 MB). */
  chunkBytes: number
}

/** How a parallel check ended: merged into the run, or why the file must be read in one pass. */
export type ParallelOutcome =
  { ok: true; rows: number; errors: number } | { ok: false; problem: Problem }

/** Why a file is read in one pass after all: a chunk's problem, a line too long, no workers. */
export type Problem = CsvPartProblem | 'long_line' | 'no_workers' | 'worker_memory'

type Done = Extract<FromWorker, { kind: 'done' }>

const WORKER_ENTRY = new URL('./check-worker.ts', import.meta.url)
// A worker's heap stays small (it holds one chunk's rows at a time); V8 would grow it far more.
const WORKER_HEAP = { youngMb: 4, oldMb: 32 }

/** Bundles the worker's module ahead of need (e.g. while a header is read); never rejects. */
export function prepareWorkers(): Promise<void> {
  return workerModule(WORKER_ENTRY).then(
    () => undefined,
    () => undefined,
  )
}

const outOfMemory = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY'

/** A worker's messages in order; `next` waits for one, or throws its failure. */
function inboxOf(worker: Worker): () => Promise<FromWorker> {
  const inbox: FromWorker[] = []
  let failure: Error | null = null
  let wake: (() => void) | null = null
  worker.on('message', (message: FromWorker) => {
    inbox.push(message)
    wake?.()
  })
  worker.on('error', (error: Error) => {
    failure ??= error
    wake?.()
  })
  worker.on('exit', (code: number) => {
    failure ??= new Error(`check worker exited with ${code}`)
    wake?.()
  })
  return async () => {
    while (inbox.length === 0) {
      if (failure !== null) throw failure
      await new Promise<void>((resolve) => (wake = resolve))
      wake = null
    }
    const message = inbox.shift() as FromWorker
    if (message.kind === 'failed') throw new Error(`check worker: ${message.message}`)
    return message
  }
}

// Chunks sent ahead to each worker, so it never waits for this thread between two.
const IN_FLIGHT = 2

/**
 * Checks a CSV file (UTF-8 or GB18030, its header already read) in worker threads: this thread
 * cuts the file into chunks of whole lines, each is checked by a part run in whichever worker is
 * free, and this thread merges the parts into `run` in file order (uniqueness keys decided
 * there), so the report is the one a
 * single pass gives. When a chunk cannot be read on its own (a quoted field spanning its end,
 * lone \r line breaks, an over-long line) the outcome says so and `run` must be dropped: the
 * caller reads the file in one pass instead. `onBytes` is told the bytes and events (rows and
 * errors) merged so far;
 * `profiler` (with setup.profile) gets the workers' column profiles.
 */
export async function checkCsvInParallel(
  path: FileInput,
  setup: CheckWorkerSetup,
  run: QualityRun,
  settings: ParallelSettings,
  onBytes?: (bytes: number, events: number) => void,
  profiler?: Profiler,
): Promise<ParallelOutcome> {
  const { youngMb, oldMb } = settings.heap ?? WORKER_HEAP
  const limits = { maxYoungGenerationSizeMb: youngMb, maxOldGenerationSizeMb: oldMb }
  const started = await Promise.allSettled(
    Array.from({ length: settings.workers }, () => startWorker(WORKER_ENTRY, setup, limits)),
  )
  const workers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
  if (workers.length < started.length) {
    // No bundle (e.g. a read-only install): the file is read in one pass.
    await Promise.all(workers.map((worker) => worker.terminate()))
    return { ok: false, problem: 'no_workers' }
  }
  const chunks = csvChunks(path, settings.chunkBytes, setup.csv.maxRecordChars * 4)
  const waiting = new Map<number, Done>()
  const sizes = new Map<number, number>()
  let nextToMerge = 0
  let bytes = 0
  let rows = 0
  let errors = 0
  let problem: Problem | null = null

  const mergeReady = (): void => {
    for (let done = waiting.get(nextToMerge); done; done = waiting.get(nextToMerge)) {
      run.merge(done.state)
      if (done.profile !== null) profiler?.merge(done.profile)
      rows += done.state.rows
      errors += done.state.unreadable
      bytes += sizes.get(nextToMerge) ?? 0
      waiting.delete(nextToMerge)
      sizes.delete(nextToMerge)
      nextToMerge++
      onBytes?.(bytes, rows + errors)
    }
  }

  const take = (done: Done): boolean => {
    if (done.problem !== null) {
      problem ??= done.problem
      return false
    }
    waiting.set(done.index, done)
    mergeReady()
    return true
  }

  const work = async (worker: Worker): Promise<void> => {
    const next = inboxOf(worker)
    const ready = await next()
    if (ready.kind !== 'ready') throw new Error(`check worker: unexpected ${ready.kind}`)
    let inFlight = 0
    // Async generators queue concurrent next() calls: each chunk goes to one worker.
    const send = async (): Promise<void> => {
      const chunk = await chunks.next()
      if (chunk.done || problem !== null) return
      sizes.set(chunk.value.index, chunk.value.bytes.length)
      worker.postMessage(chunk.value, [chunk.value.bytes.buffer as ArrayBuffer])
      inFlight++
    }
    for (let i = 0; i < IN_FLIGHT; i++) await send()
    while (inFlight > 0) {
      const done = await next()
      inFlight--
      if (done.kind !== 'done') throw new Error(`check worker: unexpected ${done.kind}`)
      if (!take(done)) return
      await send()
    }
  }

  try {
    await Promise.all(workers.map(work))
  } catch (error) {
    // A worker past its heap cap (a chunk of very long records) costs the speed, not the check.
    if (error instanceof LongLineError) problem = 'long_line'
    else if (outOfMemory(error)) problem = 'worker_memory'
    else throw error
  } finally {
    await chunks.return(undefined)
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return problem === null ? { ok: true, rows, errors } : { ok: false, problem }
}
