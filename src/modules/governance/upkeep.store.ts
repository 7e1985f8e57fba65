import type { Kysely, Transaction } from 'kysely'
import type { GovernanceTables, RunStatus } from './governance.tables.js'

type Db = Kysely<GovernanceTables> | Transaction<GovernanceTables>
type RunTable = 'governance_check_runs' | 'governance_dedup_runs'

const PENDING: readonly RunStatus[] = ['queued', 'running']
const CHUNK = 500

/** How the runs use one kept file: whether one still needs it, and when one last touched it. */
export interface UploadUse {
  pending: boolean
  /** The latest request or finish of a run over the file (ISO). */
  lastUsedAt: string
  runs: number
}

async function usesIn(db: Db, table: RunTable, hashes: readonly string[]) {
  return (db as Kysely<GovernanceTables>)
    .selectFrom(table as 'governance_check_runs')
    .select((eb) => [
      'file_hash',
      eb.fn.max('created_at').as('requested'),
      eb.fn.max('finished_at').as('finished'),
      eb.fn.countAll<number>().as('runs'),
      eb.fn
        .sum<number>(eb.case().when('status', 'in', PENDING).then(1).else(0).end())
        .as('pending'),
    ])
    .where('file_hash', 'in', hashes)
    .groupBy('file_hash')
    .execute()
}

/** Queries for the module's upkeep: stalled runs and the files no run needs any more. */
export const upkeepStore = {
  /** Runs still queued or running that name their job (at most `limit` of each kind). */
  pendingRuns: (db: Db, table: RunTable, limit: number) =>
    (db as Kysely<GovernanceTables>)
      .selectFrom(table as 'governance_check_runs')
      .select(['id', 'status', 'job_id', 'error_code', 'error_json', 'finished_at', 'updated_at'])
      .where('status', 'in', PENDING)
      .where('job_id', 'is not', null)
      .orderBy('created_at')
      .limit(limit)
      .execute(),

  /** The runs' use of each kept file, by hash (a file no run names is absent). */
  async uploadUses(db: Db, hashes: readonly string[]): Promise<Map<string, UploadUse>> {
    const uses = new Map<string, UploadUse>()
    for (let i = 0; i < hashes.length; i += CHUNK) {
      const chunk = hashes.slice(i, i + CHUNK)
      for (const table of ['governance_check_runs', 'governance_dedup_runs'] as const) {
        for (const row of await usesIn(db, table, chunk)) {
          const before = uses.get(row.file_hash)
          const last = [row.requested, row.finished, before?.lastUsedAt]
            .filter((t): t is string => typeof t === 'string')
            .sort()
            .at(-1)
          uses.set(row.file_hash, {
            pending: (before?.pending ?? false) || Number(row.pending) > 0,
            lastUsedAt: last ?? '',
            runs: (before?.runs ?? 0) + Number(row.runs),
          })
        }
      }
    }
    return uses
  },
}
