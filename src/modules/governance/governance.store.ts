import type { Insertable, Kysely, Transaction, Updateable } from 'kysely'
import type { DialectName } from '../../platform/db/database.js'
import type { GovernanceTables, ScoreScope } from './governance.tables.js'

type Db = Kysely<GovernanceTables> | Transaction<GovernanceTables>
type New<T extends keyof GovernanceTables> = Insertable<GovernanceTables[T]>

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters and SQLite's 32,766. */
const BATCH = 200

async function insertBatched<T extends keyof GovernanceTables>(
  db: Db,
  table: T,
  rows: readonly New<T>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + BATCH))
      .execute()
  }
}

type RunTable = 'governance_check_runs' | 'governance_dedup_runs'

/** Moves a check or dedup run on only from the statuses given; false when it had moved already. */
async function moveRun<T extends RunTable>(
  db: Db,
  table: T,
  id: string,
  from: readonly string[],
  set: Updateable<GovernanceTables[T]>,
): Promise<boolean> {
  // Both run tables share `id` and `status`; Kysely cannot narrow a table chosen by a type
  // parameter, so the query is written over one of them.
  const result = await (db as Kysely<GovernanceTables>)
    .updateTable(table as 'governance_check_runs')
    .set(set as Updateable<GovernanceTables['governance_check_runs']>)
    .where('id', '=', id)
    .where('status', 'in', from as never)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** The only queries on this module's tables. */
export const governanceStore = {
  findDataset: (db: Db, code: string) =>
    db.selectFrom('governance_datasets').selectAll().where('code', '=', code).executeTakeFirst(),
  findDatasetById: (db: Db, id: string) =>
    db.selectFrom('governance_datasets').selectAll().where('id', '=', id).executeTakeFirst(),
  listDatasets: (db: Db) =>
    db.selectFrom('governance_datasets').selectAll().orderBy('code').execute(),
  insertDataset: (db: Db, row: New<'governance_datasets'>) =>
    db.insertInto('governance_datasets').values(row).execute(),

  findCheckRun: (db: Db, id: string) =>
    db.selectFrom('governance_check_runs').selectAll().where('id', '=', id).executeTakeFirst(),
  insertCheckRun: (db: Db, row: New<'governance_check_runs'>) =>
    db.insertInto('governance_check_runs').values(row).execute(),
  /** Moves a run on only from the status given; false when it had moved already. */
  moveCheckRun: (
    db: Db,
    id: string,
    from: readonly string[],
    set: Updateable<GovernanceTables['governance_check_runs']>,
  ) => moveRun(db, 'governance_check_runs', id, from, set),
  listCheckRuns: (db: Db, datasetId: string, limit: number) =>
    db
      .selectFrom('governance_check_runs')
      .selectAll()
      .where('dataset_id', '=', datasetId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
  /** Whether the dataset was ever given this file, and its name then. */
  findUpload: (db: Db, datasetId: string, hash: string) =>
    db
      .selectFrom('governance_check_runs')
      .select(['file_name', 'file_hash', 'file_size', 'file_kind'])
      .where('dataset_id', '=', datasetId)
      .where('file_hash', '=', hash)
      .orderBy('created_at', 'desc')
      .executeTakeFirst(),

  insertScores: (db: Db, rows: readonly New<'governance_scores'>[]) =>
    insertBatched(db, 'governance_scores', rows),
  listScoresOf: (db: Db, runId: string) =>
    db
      .selectFrom('governance_scores')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('scope')
      .orderBy('key')
      .execute(),
  /** One scope and key of a dataset over time, the latest `limit` points, oldest first. */
  trend: async (db: Db, datasetId: string, scope: ScoreScope, key: string, limit: number) =>
    (
      await db
        .selectFrom('governance_scores')
        .select(['run_id', 'score', 'checks', 'failed', 'measured_at'])
        .where('dataset_id', '=', datasetId)
        .where('scope', '=', scope)
        .where('key', '=', key)
        .orderBy('measured_at', 'desc')
        .orderBy('run_id', 'desc')
        .limit(limit)
        .execute()
    ).reverse(),
  /** The dataset scores of a dataset's other finished runs, the latest `limit`, oldest first. */
  previousDatasetScores: async (db: Db, datasetId: string, runId: string, limit: number) =>
    (
      await db
        .selectFrom('governance_scores')
        .select(['run_id', 'score', 'measured_at'])
        .where('dataset_id', '=', datasetId)
        .where('scope', '=', 'dataset')
        .where('key', '=', '')
        .where('run_id', '!=', runId)
        .where('score', 'is not', null)
        .orderBy('measured_at', 'desc')
        .orderBy('run_id', 'desc')
        .limit(limit)
        .execute()
    ).reverse(),
  scoresOfScope: (db: Db, runId: string, scope: ScoreScope) =>
    db
      .selectFrom('governance_scores')
      .select(['key', 'score'])
      .where('run_id', '=', runId)
      .where('scope', '=', scope)
      .execute(),
  insertSamples: (db: Db, rows: readonly New<'governance_failure_samples'>[]) =>
    insertBatched(db, 'governance_failure_samples', rows),
  listSamplesOf: (db: Db, runId: string, ruleId?: string) => {
    let query = db.selectFrom('governance_failure_samples').selectAll().where('run_id', '=', runId)
    if (ruleId !== undefined) query = query.where('rule_id', '=', ruleId)
    return query.orderBy('rule_id').orderBy('seq').execute()
  },

  findDedupRun: (db: Db, id: string) =>
    db.selectFrom('governance_dedup_runs').selectAll().where('id', '=', id).executeTakeFirst(),
  insertDedupRun: (db: Db, row: New<'governance_dedup_runs'>) =>
    db.insertInto('governance_dedup_runs').values(row).execute(),
  moveDedupRun: (
    db: Db,
    id: string,
    from: readonly string[],
    set: Updateable<GovernanceTables['governance_dedup_runs']>,
  ) => moveRun(db, 'governance_dedup_runs', id, from, set),
  insertPairs: (db: Db, rows: readonly New<'governance_dedup_pairs'>[]) =>
    insertBatched(db, 'governance_dedup_pairs', rows),
  listPairs: (db: Db, runId: string) =>
    db.selectFrom('governance_dedup_pairs').selectAll().where('run_id', '=', runId).execute(),
  insertClusters: (db: Db, rows: readonly New<'governance_clusters'>[]) =>
    insertBatched(db, 'governance_clusters', rows),
  listClusterRows: (db: Db, runId: string) =>
    db.selectFrom('governance_clusters').selectAll().where('run_id', '=', runId).execute(),
  deleteClusterRows: async (db: Db, runId: string, clusterIds: readonly string[]) => {
    for (let i = 0; i < clusterIds.length; i += BATCH) {
      await db
        .deleteFrom('governance_clusters')
        .where('run_id', '=', runId)
        .where('cluster_id', 'in', clusterIds.slice(i, i + BATCH))
        .execute()
    }
  },
  /** The run, locked until the transaction ends on PostgreSQL (SQLite has one writer anyway). */
  lockDedupRun: (db: Db, id: string, dialect: DialectName) => {
    const query = db.selectFrom('governance_dedup_runs').selectAll().where('id', '=', id)
    return (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst()
  },
  setClusterCount: (db: Db, id: string, clusters: number, at: string) =>
    db
      .updateTable('governance_dedup_runs')
      .set({ clusters, updated_at: at })
      .where('id', '=', id)
      .execute(),
  findCluster: (db: Db, runId: string, clusterId: string) =>
    db
      .selectFrom('governance_clusters')
      .selectAll()
      .where('run_id', '=', runId)
      .where('cluster_id', '=', clusterId)
      .executeTakeFirst(),
  /** A page of a run's clusters, largest and least certain first. */
  listClusters: (db: Db, runId: string, offset: number, limit: number) =>
    db
      .selectFrom('governance_clusters')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('review', 'desc')
      .orderBy('confidence')
      .orderBy('cluster_id')
      .offset(offset)
      .limit(limit)
      .execute(),
  countClusters: async (db: Db, runId: string) =>
    Number(
      (
        await db
          .selectFrom('governance_clusters')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('run_id', '=', runId)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  /** The dataset's kept decisions, in the order they were made. */
  listDecisions: (db: Db, datasetId: string) =>
    db
      .selectFrom('governance_review_decisions')
      .selectAll()
      .where('dataset_id', '=', datasetId)
      .orderBy('decided_at')
      .orderBy('id')
      .execute(),
  insertDecision: (db: Db, row: New<'governance_review_decisions'>) =>
    db.insertInto('governance_review_decisions').values(row).execute(),

  insertAlert: (db: Db, row: New<'governance_alerts'>) =>
    db.insertInto('governance_alerts').values(row).execute(),
  /** Acknowledges an alert not acknowledged yet; false when it was. */
  acknowledgeAlert: async (
    db: Db,
    id: string,
    set: Updateable<GovernanceTables['governance_alerts']>,
  ) =>
    Number(
      (
        await db
          .updateTable('governance_alerts')
          .set(set)
          .where('id', '=', id)
          .where('acknowledged_at', 'is', null)
          .executeTakeFirst()
      ).numUpdatedRows,
    ) === 1,
  findAlert: (db: Db, id: string) =>
    db.selectFrom('governance_alerts').selectAll().where('id', '=', id).executeTakeFirst(),
  listAlerts: (db: Db, datasetIds: readonly string[], open: boolean | undefined, limit: number) => {
    let query = db
      .selectFrom('governance_alerts')
      .selectAll()
      .where('dataset_id', 'in', datasetIds as string[])
    if (open !== undefined) query = query.where('acknowledged_at', open ? 'is' : 'is not', null)
    return query.orderBy('raised_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
  },
}
