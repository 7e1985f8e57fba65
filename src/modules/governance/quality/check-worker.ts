/**
 * A worker thread of a parallel check (see parallel-check.ts): it reads each chunk of the CSV
 * file it is sent with readCsvPart, checks its rows with a part run and sends back the counts,
 * samples and uniqueness keys (PartState), or the problem that stops the chunk being read alone.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { cellRecord } from '../input/columns.js'
import { readCsvPart } from '../input/csv-part.js'
import { createProfiler } from '../profile/index.js'
import type { CsvChunk } from '../input/csv-chunks.js'
import type { CheckWorkerSetup, FromWorker } from './check-worker-protocol.js'
import { createPartRun } from './quality-run.js'

const port = parentPort
if (port === null) throw new Error('check-worker.ts runs only as a worker thread')
const setup = (workerData as { data: CheckWorkerSetup }).data
const part = createPartRun(setup.standard, setup.specs, setup.run)
const { columns, trim } = setup.csv

const post = (message: FromWorker, transfer: ArrayBuffer[] = []): void =>
  port.postMessage(message, transfer)

port.on('message', (chunk: CsvChunk) => {
  try {
    const profiler = setup.profile === null ? null : createProfiler(setup.profile)
    const problem = readCsvPart(chunk, setup.csv, {
      row(line, fields) {
        part.addFields(line, fields, columns)
        profiler?.add(cellRecord(columns, fields, trim))
      },
      error: (event) => part.add(event),
    })
    const state = part.take()
    const profile = profiler?.state() ?? null
    const transfer = state.keys.flatMap((batch) =>
      batch === null
        ? []
        : [batch.lines, batch.hashes, batch.ends].map((array) => array.buffer as ArrayBuffer),
    )
    post({ kind: 'done', index: chunk.index, problem, state, profile }, transfer)
  } catch (error) {
    post({
      kind: 'failed',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    })
  }
})
post({ kind: 'ready' })
