import type { Kysely, Transaction } from 'kysely'
import type { GovernanceTables, OutlierResultTable } from './governance.tables.js'

type Db = Kysely<GovernanceTables> | Transaction<GovernanceTables>

/** Queries of the outlier results of check runs. */
export const outlierStore = {
  insertResults: async (db: Db, rows: readonly OutlierResultTable[]) => {
    if (rows.length > 0)
      await db
        .insertInto('governance_outlier_results')
        .values([...rows])
        .execute()
  },
  listOf: (db: Db, runId: string) =>
    db
      .selectFrom('governance_outlier_results')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('field')
      .execute(),
  /** A field's counts in the dataset's earlier finished runs, newest first. */
  previousCounts: (db: Db, datasetId: string, field: string, runId: string, limit: number) =>
    db
      .selectFrom('governance_outlier_results')
      .select(['run_id', 'values_count', 'outliers', 'rate', 'measured_at'])
      .where('dataset_id', '=', datasetId)
      .where('field', '=', field)
      .where('run_id', '!=', runId)
      .orderBy('measured_at', 'desc')
      .limit(limit)
      .execute(),
}
