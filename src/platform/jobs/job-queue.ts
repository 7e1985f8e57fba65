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
      if (job.dedupeKey) {
        const existing = await db
          .selectFrom('platform_jobs')
          .select('id')
          .where('dedupe_key', '=', job.dedupeKey)
          .executeTakeFirst()
        if (existing) return existing.id
      }
      const now = deps.clock.now().toISOString()
      const id = uuidv7()
      await db
        .insertInto('platform_jobs')
        .values({
          id,
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
        .execute()
      return id
    },
  }
}
