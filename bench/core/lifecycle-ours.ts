import { openBenchApp, submitItem, type BenchApp } from './bench-app.js'

export const BRANCHES = 5
const ROUNDS = 5
/** Per round: fewer on PostgreSQL, where a lifecycle takes about four times as long. */
const PER_ROUND = { sqlite: 100, postgres: 25 }
const WARMUP = 20

export interface LifecycleResult {
  perSecond: number
  lifecycles: number
  seconds: number
}

/**
 * One lifecycle through the service API: submit (one transaction), read the department queue,
 * then claim and decide each of the five tasks (ten more transactions, each committed).
 */
async function lifecycle(bench: BenchApp, n: number): Promise<string> {
  const { tasks } = bench.app.approval
  const { id } = await submitItem(bench, `LC-${n}`)
  const open = (await tasks.queue(bench.clerk, { limit: 100 })).filter(
    (t) => t.application_id === id,
  )
  if (open.length !== BRANCHES) throw new Error(`${open.length} open tasks, expected ${BRANCHES}`)
  for (const task of open) {
    await tasks.claim(bench.clerk, task.id)
    await tasks.decide(bench.clerk, task.id, { approved: true })
  }
  return id
}

async function assertApproved(bench: BenchApp, id: string): Promise<void> {
  const { status } = await bench.app.approval.applications.get(bench.applicant, id)
  if (status !== 'approved') throw new Error(`application ${id} is ${status}, not approved`)
}

/**
 * Timed rounds of sequential lifecycles, with a WAL checkpoint between rounds (untimed; the
 * server runs one every 2 s). SQLite in a fresh directory, or PostgreSQL at `databaseUrl`.
 */
export async function oursLifecycles(databaseUrl?: string): Promise<LifecycleResult> {
  const bench = await openBenchApp(BRANCHES, databaseUrl)
  try {
    let n = 0
    for (let i = 0; i < WARMUP; i++) await lifecycle(bench, n++)
    await bench.app.database.checkpoint()
    let seconds = 0
    let last = ''
    const perRound = PER_ROUND[bench.app.database.dialect]
    for (let r = 0; r < ROUNDS; r++) {
      const started = performance.now()
      for (let i = 0; i < perRound; i++) last = await lifecycle(bench, n++)
      seconds += (performance.now() - started) / 1000
      await bench.app.database.checkpoint()
    }
    await assertApproved(bench, last)
    const lifecycles = ROUNDS * perRound
    return { perSecond: lifecycles / seconds, lifecycles, seconds }
  } finally {
    await bench.dispose()
  }
}
