import { Worker } from 'node:worker_threads'

/** `[seq, chain_pos, prev_hash, hash]` per record, in chain order. */
export type LinkTuple = [seq: number, pos: number, prev: string, hash: string]

/** Where the chain stands: what a batch of links is computed from. */
export interface ChainHead {
  last_hash: string
  last_pos: number
  last_seq: number
}

export interface ChainedBatch {
  links: LinkTuple[]
  head: ChainHead
  lastId: string
}

/**
 * Reads the records after a head and computes their links on its own read-only connection, in a
 * worker thread: reading and hashing were about half of what sealing cost the event loop. The
 * link is `linkHashOfRow` (audit-chain.ts), written again here because a worker runs plain
 * JavaScript; `audit-link-worker.test.ts` holds the two to the same result, and `verify`
 * recomputes every link on the main thread anyway.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { hash } = require('node:crypto')
const SQLite = require(workerData.driver)
const db = new SQLite(workerData.path, { readonly: true })
db.pragma('busy_timeout = 5000')
const pending = db.prepare(workerData.pendingSql).raw(true)
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close()
    parentPort.close()
    return
  }
  try {
    const rows = pending.all(message.last_seq)
    let prev = message.last_hash
    let pos = Number(message.last_pos)
    let lastSeq = Number(message.last_seq)
    const links = []
    for (const row of rows) {
      const json = JSON.stringify(row)
      const link = hash('sm3', prev + '\\n[' + json.slice(json.indexOf(',') + 1), 'hex')
      links.push([row[0], ++pos, prev, link])
      prev = link
      if (row[0] > lastSeq) lastSeq = row[0]
    }
    const lastId = rows.length > 0 ? String(rows[rows.length - 1][1]) : ''
    parentPort.postMessage({ links, head: { last_hash: prev, last_pos: pos, last_seq: lastSeq }, lastId })
  } catch (error) {
    parentPort.postMessage({ error: String(error) })
  }
})
`

export interface LinkWorker {
  /** Links for the records after `head` (at most the batch size the worker was started with). */
  links(head: ChainHead): Promise<ChainedBatch>
  /** False once the thread has exited (an error in it, or `close`): start a new one. */
  readonly alive: boolean
  close(): Promise<void>
}

export function startLinkWorker(options: {
  path: string
  driver: string
  /** `select seq, <canonical fields> … where seq > ? order by seq limit N` */
  pendingSql: string
}): LinkWorker {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: options })
  worker.unref()
  let alive = true
  // A request in flight fails, rather than waits forever, if the thread dies under it.
  let failPending: ((error: Error) => void) | null = null
  const died = (error: Error) => {
    alive = false
    failPending?.(error)
  }
  worker.on('error', died)
  worker.on('exit', (code) => died(new Error(`audit link worker exited (${code})`)))
  let queue: Promise<unknown> = Promise.resolve()
  const ask = (head: ChainHead) =>
    new Promise<ChainedBatch>((resolve, reject) => {
      if (!alive) return reject(new Error('audit link worker is not running'))
      worker.ref() // a request in flight keeps the process alive, an idle worker does not
      failPending = reject
      worker.once('message', (reply: ChainedBatch | { error: string }) => {
        worker.unref()
        failPending = null
        if ('error' in reply) reject(new Error(reply.error))
        else resolve(reply)
      })
      worker.postMessage(head)
    })
  return {
    get alive() {
      return alive
    },
    links(head) {
      const next = queue.then(
        () => ask(head),
        () => ask(head),
      )
      queue = next.catch(() => undefined)
      return next
    },
    async close() {
      await queue
      if (!alive) return
      worker.ref()
      const exited = new Promise((resolve) => worker.once('exit', resolve))
      worker.postMessage('close')
      await exited
    },
  }
}
