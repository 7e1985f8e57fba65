import { CompiledQuery, sql, type Kysely, type Transaction, type Updateable } from 'kysely'
import type { DialectName } from '../../platform/db/database.js'
import type {
  ApplicationRow,
  ApprovalTables,
  CaseRow,
  CaseTable,
  NewActionRow,
  TaskTable,
} from './approval.tables.js'

type Db = Kysely<ApprovalTables> | Transaction<ApprovalTables>
const ACTION_CHUNK = 50
const ACTION_COLUMNS = [
  'id',
  'case_id',
  'application_id',
  'kind',
  'type',
  'task_id',
  'node_id',
  'actor_id',
  'actor_kind',
  'department_id',
  'payload_json',
  'at',
] as const satisfies ReadonlyArray<keyof NewActionRow>
const insertSqlCache = new Map<string, string>()

/** `insert … values (…), (…)` for `count` rows, built once per dialect and count. */
function insertActionsSql(dialect: DialectName, count: number): string {
  const key = `${dialect}:${count}`
  let text = insertSqlCache.get(key)
  if (text === undefined) {
    const width = ACTION_COLUMNS.length
    const rows = Array.from({ length: count }, (_, r) => {
      const marks = ACTION_COLUMNS.map((_, c) =>
        dialect === 'postgres' ? `$${r * width + c + 1}` : '?',
      )
      return `(${marks.join(', ')})`
    })
    text = `insert into approval_actions (${ACTION_COLUMNS.join(', ')}) values ${rows.join(', ')}`
    insertSqlCache.set(key, text)
  }
  return text
}
const APPLICATION_HEAD = [
  'id',
  'case_number',
  'kind',
  'subject_code',
  'name_zh',
  'name_en',
  'applicant_id',
  'enterprise_id',
  'channel',
  'status',
  'submitted_at',
] as const
const CASE_HEAD = [
  'id',
  'case_number',
  'implementation_code',
  'name_zh',
  'name_en',
  'department_id',
  'status',
  'promised_days',
  'statutory_days',
  'finished_at',
] as const
type ApplicationHeadRow = Pick<ApplicationRow, (typeof APPLICATION_HEAD)[number]>
type CaseHeadRow = Pick<CaseRow, (typeof CASE_HEAD)[number]>
const HEAD_SQL = {
  sqlite: `select ${APPLICATION_HEAD.join(', ')} from approval_applications where id = ? or case_number = ?`,
  postgres: `select ${APPLICATION_HEAD.join(', ')} from approval_applications where id = $1 or case_number = $2`,
}
const CASES_SQL = {
  sqlite: `select ${CASE_HEAD.join(', ')} from approval_cases where application_id = ? order by case_number`,
  postgres: `select ${CASE_HEAD.join(', ')} from approval_cases where application_id = $1 order by case_number`,
}

/** The only place with queries on the approval tables. */
export const approvalStore = {
  async nextSerial(db: Db, dialect: DialectName): Promise<number> {
    if (dialect === 'postgres') {
      const { rows } = await sql<{
        n: string
      }>`select nextval('approval_case_serial') as n`.execute(db)
      return Number(rows[0]?.n)
    }
    const { rows } = await sql<{ value: number }>`update approval_counters set value = value + 1
      where name = 'case_serial' returning value`.execute(db)
    return Number(rows[0]?.value)
  },
  insertApplication: (db: Db, row: ApplicationRow) =>
    db.insertInto('approval_applications').values(row).execute(),
  insertCase: (db: Db, row: CaseRow) => db.insertInto('approval_cases').values(row).execute(),
  /** The step's actions, in order; precompiled SQL per chunk size (every step writes some). */
  async insertActions(db: Db, dialect: DialectName, rows: readonly NewActionRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += ACTION_CHUNK) {
      const chunk = rows.slice(i, i + ACTION_CHUNK)
      const params = chunk.flatMap((row) => ACTION_COLUMNS.map((column) => row[column]))
      await db.executeQuery(CompiledQuery.raw(insertActionsSql(dialect, chunk.length), params))
    }
  },
  findApplication: (db: Db, idOrNumber: string) =>
    db
      .selectFrom('approval_applications')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', idOrNumber), eb('case_number', '=', idOrNumber)]))
      .executeTakeFirst(),
  /**
   * The application without its form: what a status read needs. Precompiled (the busiest read;
   * building the query was a visible share of it), the same text on both dialects but `$n`.
   */
  async findApplicationHead(db: Db, dialect: DialectName, idOrNumber: string) {
    const query = CompiledQuery.raw(HEAD_SQL[dialect], [idOrNumber, idOrNumber])
    return (await db.executeQuery<ApplicationHeadRow>(query)).rows[0]
  },
  async listCaseHeads(db: Db, dialect: DialectName, applicationId: string) {
    const query = CompiledQuery.raw(CASES_SQL[dialect], [applicationId])
    return (await db.executeQuery<CaseHeadRow>(query)).rows
  },
  listApplicationsOf: (db: Db, applicantId: string, limit: number, offset: number) =>
    db
      .selectFrom('approval_applications')
      .selectAll()
      .where('applicant_id', '=', applicantId)
      .orderBy('submitted_at', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
  updateApplication: (
    db: Db,
    id: string,
    values: { status: string; updated_at: string; form_json?: string },
  ) => db.updateTable('approval_applications').set(values).where('id', '=', id).execute(),
  findCase: (db: Db, id: string) =>
    db.selectFrom('approval_cases').selectAll().where('id', '=', id).executeTakeFirst(),
  listCases: (db: Db, applicationId: string) =>
    db
      .selectFrom('approval_cases')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('case_number')
      .execute(),
  /** Moves the case one version on; 0 rows means another step got there first. */
  async advanceCase(
    db: Db,
    id: string,
    expectedVersion: number,
    values: Omit<Updateable<CaseTable>, 'version' | 'id'>,
  ): Promise<number> {
    const result = await db
      .updateTable('approval_cases')
      .set({ ...values, version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst()
    return Number(result.numUpdatedRows)
  },
  listActionsOfCase: (db: Db, caseId: string) =>
    db
      .selectFrom('approval_actions')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute(),
  listActionsOfApplication: (db: Db, applicationId: string) =>
    db
      .selectFrom('approval_actions')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('seq')
      .execute(),
  insertTask: (db: Db, row: TaskTable) => db.insertInto('approval_tasks').values(row).execute(),
  updateTask: (db: Db, id: string, values: Updateable<TaskTable>) =>
    db.updateTable('approval_tasks').set(values).where('id', '=', id).execute(),
  findTask: (db: Db, id: string) =>
    db.selectFrom('approval_tasks').selectAll().where('id', '=', id).executeTakeFirst(),
  listQueue: (
    db: Db,
    query: { departmentIds: string[]; state: TaskTable['state']; limit: number; offset: number },
  ) =>
    db
      .selectFrom('approval_tasks')
      .selectAll()
      .where('department_id', 'in', query.departmentIds)
      .where('state', '=', query.state)
      .orderBy('opened_at')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
}
