import type { Kysely, Transaction } from 'kysely'
import type {
  AnalysisRow,
  AnalysisStatus,
  AnalysisTable,
  InsightTables,
  LogRow,
} from './insight.tables.js'

type Db = Kysely<InsightTables> | Transaction<InsightTables>

/** The only place with queries for insight's tables. */
export const insightStore = {
  insertLog: (db: Db, row: LogRow) => db.insertInto('insight_logs').values(row).execute(),

  findLog: (db: Db, id: string) =>
    db.selectFrom('insight_logs').selectAll().where('id', '=', id).executeTakeFirst(),

  insertAnalysis: (db: Db, row: AnalysisRow) =>
    db.insertInto('insight_analyses').values(row).execute(),

  findAnalysis: (db: Db, id: string) =>
    db.selectFrom('insight_analyses').selectAll().where('id', '=', id).executeTakeFirst(),

  listAnalyses: (db: Db, departmentIds: readonly string[], limit: number) =>
    departmentIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('insight_analyses')
          .selectAll()
          .where('department_id', 'in', departmentIds)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit)
          .execute(),

  /** Moves an analysis on only from one of the given states; true when it moved. */
  async moveAnalysis(
    db: Db,
    id: string,
    from: readonly AnalysisStatus[],
    set: Partial<AnalysisTable>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('insight_analyses')
      .set(set)
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst()
    return Number(result.numUpdatedRows) === 1
  },

  setProgress: (db: Db, id: string, progress: unknown, at: string) =>
    db
      .updateTable('insight_analyses')
      .set({ progress_json: JSON.stringify(progress), updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute(),
}
