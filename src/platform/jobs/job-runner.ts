import type { Kysely, Transaction } from 'kysely'
import { sql } from 'kysely'
import { setImmediate as turn } from 'node:timers/promises'
import type { Logger } from 'pino'
import { v7 as uuidv7 } from 'uuid'
import type { Clock } from '../clock.js'
import { moduleDb, type DialectName, type RootDb } from '../db/database.js'
import type { JobTable, JobTables } from './jobs.tables.js'

export interface JobContext {
  trx: Transaction<unknown>
  payload: unknown
  jobId: string
  attempt: number
  /**
   * Runs `effect` once the job's transaction has committed (never if it rolls back): for work
   * that must not see uncommitted state, such as dropping a cached view of what the job changed.
   */
  afterCommit(effect: () => void): void
}

/** A handler's database writes commit together with the job's completion: done exactly once. */
export type JobHandler = (ctx: JobContext) => Promise<void>

/** What the first phase of a two-phase job sees: no transaction, no connection held. */
export interface PrepareContext {
  payload: unknown
  jobId: string
  attempt: number
}

/**
 * A job in two phases. `prepare` does the long part (reading a file, computing) outside any
 * transaction, so SQLite's one connection serves others meanwhile; the lease is renewed while it
 * runs. `commit` writes its result in the job's transaction, exactly once. A retried job prepares
 * again, so `prepare` only computes, or writes what may be written twice.
 */
export interface PreparedJobHandler<T> {
  prepare(ctx: PrepareContext): Promise<T>
  commit(ctx: JobContext, prepared: T): Promise<void>
}

export interface JobRunner {
  register(kind: string, handler: JobHandler): void
  registerPrepared<T>(kind: string, handler: PreparedJobHandler<T>): void
  /** Claims and runs due jobs until none is left; returns how many ran. */
  drain(): Promise<number>
  start(pollMs: number): void
  stop(): Promise<void>
  readonly workerId: string
}

export interface JobRunnerDeps {
  db: RootDb
  dialect: DialectName
  clock: Clock
  logger: Logger
  leaseMs?: number
  batchSize?: number
}

class LeaseLost extends Error {}

type Registered = Pick<PreparedJobHandler<unknown>, 'commit'> &
  Partial<Pick<PreparedJobHandler<unknown>, 'prepare'>>

export function createJobRunner(deps: JobRunnerDeps): JobRunner {
  const db = moduleDb<JobTables>(deps.db)
  // A plain handler has no first phase, so it pays nothing for one.
  const handlers = new Map<string, Registered>()
  const workerId = uuidv7()
  const leaseMs = deps.leaseMs ?? 60_000
  let timer: NodeJS.Timeout | null = null
  let running: Promise<number> | null = null

  /** Keeps the lease of a job whose first phase runs outside its transaction. */
  async function renewingLease<T>(job: JobTable, work: () => Promise<T>): Promise<T> {
    const renew = () =>
      db
        .updateTable('platform_jobs')
        .set({ locked_until: new Date(deps.clock.now().getTime() + leaseMs).toISOString() })
        .where('id', '=', job.id)
        .where('locked_by', '=', workerId)
        .execute()
    const timer = setInterval(() => void renew().catch(() => undefined), leaseMs / 3)
    try {
      return await work()
    } finally {
      clearInterval(timer)
    }
  }

  async function runOne(job: JobTable): Promise<void> {
    const handler = handlers.get(job.kind)
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`)
      const payload: unknown = JSON.parse(job.payload_json)
      const base = { payload, jobId: job.id, attempt: job.attempts }
      const prepare = handler.prepare
      const prepared = prepare ? await renewingLease(job, () => prepare(base)) : undefined
      const effects: Array<() => void> = []
      await db.transaction().execute(async (trx) => {
        await holdLease(trx, job.id, workerId, deps.dialect)
        await handler.commit(
          {
            ...base,
            trx: trx as Transaction<unknown>,
            afterCommit: (effect) => effects.push(effect),
          },
          prepared,
        )
        const done = await trx
          .updateTable('platform_jobs')
          .set({
            status: 'done',
            locked_by: null,
            locked_until: null,
            updated_at: deps.clock.now().toISOString(),
          })
          .where('id', '=', job.id)
          .where('locked_by', '=', workerId)
          .executeTakeFirst()
        if (Number(done.numUpdatedRows) !== 1) throw new LeaseLost()
      })
      for (const effect of effects) {
        try {
          effect()
        } catch (err) {
          deps.logger.warn({ jobId: job.id, kind: job.kind, err }, 'after-commit effect failed')
        }
      }
    } catch (error) {
      if (error instanceof LeaseLost) return
      await fail(job, error)
    }
  }

  async function fail(job: JobTable, error: unknown): Promise<void> {
    const final = job.attempts >= job.max_attempts
    const backoffMs = Math.min(2 ** job.attempts * 1000, 3_600_000)
    deps.logger.warn(
      { jobId: job.id, kind: job.kind, attempt: job.attempts, err: error },
      'job failed',
    )
    await db
      .updateTable('platform_jobs')
      .set({
        status: final ? 'failed' : 'queued',
        run_at: new Date(deps.clock.now().getTime() + backoffMs).toISOString(),
        locked_by: null,
        locked_until: null,
        last_error: error instanceof Error ? error.message.slice(0, 2000) : String(error),
        updated_at: deps.clock.now().toISOString(),
      })
      .where('id', '=', job.id)
      .where('locked_by', '=', workerId)
      .execute()
  }

  async function drainLoop(): Promise<number> {
    let total = 0
    for (;;) {
      const jobs = await claim(db, deps, workerId, leaseMs)
      if (jobs.length === 0) return total
      for (const job of jobs) {
        await runOne(job)
        // On SQLite every query completes synchronously, so without a turn of the event loop a
        // long chain of jobs (a matching run) would starve requests, timers and checkpoints.
        await turn()
      }
      total += jobs.length
    }
  }

  function drain(): Promise<number> {
    running ??= drainLoop().finally(() => (running = null))
    return running
  }

  return {
    workerId,
    register(kind, handler) {
      if (handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`)
      handlers.set(kind, { commit: (ctx) => handler(ctx) })
    },
    registerPrepared(kind, handler) {
      if (handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`)
      handlers.set(kind, handler)
    },
    drain,
    start(pollMs) {
      if (timer) return
      const tick = () => {
        drain()
          .catch((error: unknown) => deps.logger.error({ err: error }, 'job runner tick failed'))
          .finally(() => {
            if (timer) timer = setTimeout(tick, pollMs)
          })
      }
      timer = setTimeout(tick, 0)
    },
    async stop() {
      if (timer) clearTimeout(timer)
      timer = null
      await running?.catch(() => 0)
    },
  }
}

async function claim(
  db: Kysely<JobTables>,
  deps: JobRunnerDeps,
  workerId: string,
  leaseMs: number,
): Promise<JobTable[]> {
  const now = deps.clock.now()
  const nowIso = now.toISOString()
  // A job whose last allowed attempt died with its worker (a crash each time) is not retried forever.
  await db
    .updateTable('platform_jobs')
    .set({
      status: 'failed',
      locked_by: null,
      locked_until: null,
      last_error: 'lease expired on the last attempt',
      updated_at: nowIso,
    })
    .where('status', '=', 'running')
    .where('locked_until', '<', nowIso)
    .whereRef('attempts', '>=', 'max_attempts')
    .execute()
  const due = db
    .selectFrom('platform_jobs')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', nowIso)]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowIso)]),
      ]),
    )
    .orderBy('run_at')
    .limit(deps.batchSize ?? 10)
  const dueLocked = deps.dialect === 'postgres' ? due.forUpdate().skipLocked() : due
  return db
    .updateTable('platform_jobs')
    .set((eb) => ({
      status: 'running',
      locked_by: workerId,
      locked_until: new Date(now.getTime() + leaseMs).toISOString(),
      attempts: eb('attempts', '+', 1),
      updated_at: nowIso,
    }))
    .where('id', 'in', dueLocked)
    .returningAll()
    .execute()
}

/** On PostgreSQL, keep the job row locked while its handler runs so nobody reclaims it meanwhile. */
async function holdLease(
  trx: Transaction<JobTables>,
  id: string,
  workerId: string,
  dialect: DialectName,
) {
  if (dialect !== 'postgres') return
  const row = await sql<{
    id: string
  }>`select id from platform_jobs where id = ${id} and locked_by = ${workerId} for update`.execute(
    trx,
  )
  if (row.rows.length !== 1) throw new LeaseLost()
}
