import type { Kysely, Transaction } from 'kysely'
import type { PolicyDeps } from './policy.deps.js'
import type { PolicyTables } from './policy.tables.js'

export const MATCH_JOB = 'policy.match'

/**
 * Starts a matching run when something changed, at most one at a time: the state row says a run
 * is scheduled, so a thousand fact changes enqueue one job, and the run's last chunk clears it
 * (in the same transaction, so a change that lands meanwhile schedules the next run).
 */
export function createMatchScheduler(deps: Pick<PolicyDeps, 'queue' | 'clock'>) {
  return {
    async schedule(trx: Transaction<PolicyTables> | Kysely<PolicyTables>): Promise<void> {
      const claimed = await trx
        .updateTable('policy_match_state')
        .set({ scheduled: 1, updated_at: deps.clock.now().toISOString() })
        .where('id', '=', 1)
        .where('scheduled', '=', 0)
        .executeTakeFirst()
      if (Number(claimed.numUpdatedRows) === 1) {
        await deps.queue.enqueue(trx, {
          kind: MATCH_JOB,
          payload: null,
        })
      }
    },
  }
}

export type MatchScheduler = ReturnType<typeof createMatchScheduler>
