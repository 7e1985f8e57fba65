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

  listLogs: (db: Db, departmentIds: readonly string[], limit: number) =>
    departmentIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('insight_logs')
          .selectAll()
          .where('department_id', 'in', departmentIds)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit)
          .execute(),

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

  /** For each hash: whether a queued or running analysis reads it, and when one last was asked. */
  async uploadUses(db: Db, hashes: readonly string[]) {
    const uses = new Map<string, { pending: boolean; lastUsedAt: string | null }>()
    if (hashes.length === 0) return uses
    const logs = await db
      .selectFrom('insight_logs')
      .select(['id', 'file_hash'])
      .where('file_hash', 'in', hashes)
      .execute()
    const hashOf = new Map(logs.map((l) => [l.id, l.file_hash]))
    const analyses =
      logs.length === 0
        ? []
        : await db
            .selectFrom('insight_analyses')
            .select(['log_id', 'status', 'created_at'])
            .where('log_id', 'in', [...hashOf.keys()])
            .execute()
    for (const a of analyses) {
      const hash = hashOf.get(a.log_id ?? '')
      if (hash === undefined) continue
      const use = uses.get(hash) ?? { pending: false, lastUsedAt: null }
      use.pending ||= a.status === 'queued' || a.status === 'running'
      if (use.lastUsedAt === null || a.created_at > use.lastUsedAt) use.lastUsedAt = a.created_at
      uses.set(hash, use)
    }
    return uses
  },
}
