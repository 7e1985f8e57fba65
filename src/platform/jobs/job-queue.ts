import type { Kysely, Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Clock } from '../clock.js'
import type { RootDb } from '../db/database.js'
import type { JobTables } from './jobs.tables.js'

export interface NewJob {
  kind: string
  payload: unknown
  /** When it becomes due; now by default. Timers are jobs due later. */
  runAt?: Date
  /** A second job with the same key is not enqueued (it returns the first one's id). */
  dedupeKey?: string
  maxAttempts?: number
}

export interface JobQueue {
  /** Writes the job in the caller's transaction, so it exists iff the change that caused it does. */
  enqueue(trx: Transaction<unknown> | RootDb, job: NewJob): Promise<string>
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
  }
}
