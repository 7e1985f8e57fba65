import { Worker } from 'node:worker_threads'

/**
 * Runs `PRAGMA wal_checkpoint(PASSIVE)` on its own connection in a worker thread. A checkpoint
 * copies every committed WAL page into the database file; on the event loop it stalled all
 * requests for 100–170 ms under write load. PASSIVE never blocks writers, so a second connection
 * can do it while the main one goes on serving.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const SQLite = require(workerData.driver)
const db = new SQLite(workerData.path)
db.pragma('busy_timeout = 5000')
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close()
    parentPort.close()
    return
  }
  try {
    // Passes until little is left: what the writer appended during one pass is copied by the
    // next, so the main connection's own last pass (see database.ts) copies only a few frames
    // instead of stalling the event loop on everything written meanwhile.
    let row = { log: 0, checkpointed: 0 }
    for (let pass = 0; pass < 8; pass++) {
      row = db.pragma('wal_checkpoint(PASSIVE)')[0] || row
      if (row.log - row.checkpointed <= 64) break
    }
    parentPort.postMessage({ frames: row.checkpointed || 0 })
  } catch (error) {
    parentPort.postMessage({ error: String(error) })
  }
})
`

export interface Checkpointer {
  /** Frames copied into the database file by this checkpoint. */
  checkpoint(): Promise<number>
  close(): Promise<void>
}

export function startCheckpointWorker(path: string, driver: string): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver } })
  worker.unref()
  let queue: Promise<unknown> = Promise.resolve()
  const ask = () =>
    new Promise<number>((resolve, reject) => {
      worker.ref() // a checkpoint in flight keeps the process alive, an idle worker does not
      worker.once('message', (reply: { frames?: number; error?: string }) => {
        worker.unref()
        if (reply.error !== undefined) reject(new Error(reply.error))
        else resolve(reply.frames ?? 0)
      })
      worker.postMessage('checkpoint')
    })
  return {
    checkpoint() {
      const next = queue.then(ask, ask)
      queue = next.catch(() => undefined)
      return next
    },
    async close() {
      await queue
      worker.ref() // keep the process alive until the worker has closed its connection
      worker.postMessage('close')
      await new Promise((resolve) => worker.once('exit', resolve))
    },
  }
}
