import type { Kysely, Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Clock } from '../clock.js'
import type { RootDb } from '../db/database.js'
import type { JobStatus, JobTables } from './jobs.tables.js'

export interface NewJob {
  kind: string
  payload: unknown
  /** When it becomes due; now by default. Timers are jobs due later. */
  runAt?: Date
  /** A second job with the same key is not enqueued (it returns the first one's id). */
  dedupeKey?: string
  maxAttempts?: number
}

/** Where a job stands, for work that must tell a stalled job from one in progress. */
export interface JobState {
  status: JobStatus
  attempts: number
  maxAttempts: number
  /** While running: the lease's end; a job past it on its last attempt died with its worker. */
  lockedUntil: string | null
  lastError: string | null
}

export interface JobQueue {
  /** Writes the job in the caller's transaction, so it exists iff the change that caused it does. */
  enqueue(trx: Transaction<unknown> | RootDb, job: NewJob): Promise<string>
  /** The state of each job found, by id (a deleted or unknown job is absent). */
  states(db: Transaction<unknown> | RootDb, ids: readonly string[]): Promise<Map<string, JobState>>
}

export function createJobQueue(deps: { clock: Clock }): JobQueue {
  return {
    async enqueue(trx, job) {
      const db = trx as unknown as Kysely<JobTables>
      const now = deps.clock.now().toISOString()
      const insert = db.insertInto('platform_jobs').values({
        id: uuidv7(),
        kind: job.kind,
        payload_json: JSON.stringify(job.payload ?? null),
        run_at: (job.runAt ?? deps.clock.now()).toISOString(),
        status: 'queued',
        attempts: 0,
        max_attempts: job.maxAttempts ?? 5,
        locked_by: null,
        locked_until: null,
        last_error: null,
        dedupe_key: job.dedupeKey ?? null,
        created_at: now,
        updated_at: now,
      })
      if (!job.dedupeKey) return (await insert.returning('id').executeTakeFirstOrThrow()).id
      // ON CONFLICT, not select-then-insert: a concurrent transaction enqueuing the same key makes
      // this insert wait for it and then do nothing, instead of aborting the caller's transaction.
      const inserted = await insert
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('id')
        .executeTakeFirst()
      if (inserted) return inserted.id
      const existing = await db
        .selectFrom('platform_jobs')
        .select('id')
        .where('dedupe_key', '=', job.dedupeKey)
        .executeTakeFirstOrThrow()
      return existing.id
    },
    async states(trx, ids) {
      if (ids.length === 0) return new Map()
      const rows = await (trx as unknown as Kysely<JobTables>)
        .selectFrom('platform_jobs')
        .select(['id', 'status', 'attempts', 'max_attempts', 'locked_until', 'last_error'])
        .where('id', 'in', ids)
        .execute()
      return new Map(
        rows.map((r) => [
          r.id,
          {
            status: r.status,
            attempts: r.attempts,
            maxAttempts: r.max_attempts,
            lockedUntil: r.locked_until,
            lastError: r.last_error,
          },
        ]),
      )
    },
  }
}
