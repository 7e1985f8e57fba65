import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely'
import type { DialectName } from '../../platform/db/database.js'
import { precompiledInsert, precompiledUpdate } from '../../platform/db/precompiled.js'
import type {
  ApplicationRow,
  ApprovalTables,
  CaseRow,
  CaseTable,
  NewActionRow,
  SharedDataRow,
  TaskTable,
} from './approval.tables.js'

type Db = Kysely<ApprovalTables> | Transaction<ApprovalTables>
const insertActionRows = precompiledInsert<NewActionRow>('approval_actions', [
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
])
const CASE_COLUMNS = [
  'id',
  'application_id',
  'case_number',
  'item_id',
  'item_version',
  'implementation_code',
  'department_id',
  'name_zh',
  'name_en',
  'form_json',
  'status',
  'promised_days',
  'statutory_days',
  'version',
  'finished_at',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof CaseRow>
const insertCaseRow = precompiledInsert<CaseRow>('approval_cases', CASE_COLUMNS)
const TASK_COLUMNS = [
  'id',
  'case_id',
  'application_id',
  'department_id',
  'node_id',
  'name_zh',
  'role',
  'assignee_id',
  'state',
  'opened_at',
  'closed_at',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof TaskTable>
const insertTaskRow = precompiledInsert<TaskTable>('approval_tasks', TASK_COLUMNS)
type CaseStep = Pick<CaseTable, 'status' | 'finished_at' | 'updated_at' | 'version'>
/** The key is the case and the version the step was computed on. */
const advanceCaseRow = precompiledUpdate<CaseStep, Pick<CaseTable, 'id' | 'version'>>(
  'approval_cases',
  ['status', 'finished_at', 'updated_at', 'version'],
  ['id', 'version'],
)
const setTaskAssignee = precompiledUpdate<
  Pick<TaskTable, 'assignee_id' | 'updated_at'>,
  Pick<TaskTable, 'id'>
>('approval_tasks', ['assignee_id', 'updated_at'], ['id'])
const setTaskState = precompiledUpdate<
  Pick<TaskTable, 'state' | 'updated_at'>,
  Pick<TaskTable, 'id'>
>('approval_tasks', ['state', 'updated_at'], ['id'])
const closeTaskRow = precompiledUpdate<
  Pick<TaskTable, 'state' | 'closed_at' | 'updated_at'>,
  Pick<TaskTable, 'id'>
>('approval_tasks', ['state', 'closed_at', 'updated_at'], ['id'])
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
/** What the status read needs of an application and of each case (no forms). */
export type ApplicationHeadRow = Pick<ApplicationRow, (typeof APPLICATION_HEAD)[number]>
export type CaseHeadRow = Pick<CaseRow, (typeof CASE_HEAD)[number]>
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
  insertCase: (db: Db, row: CaseRow) => insertCaseRow(db, row),
  /** The step's actions, in order (every step writes some: precompiled). */
  insertActions: (db: Db, rows: readonly NewActionRow[]) => insertActionRows(db, rows),
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
  advanceCase: (
    db: Db,
    id: string,
    expectedVersion: number,
    values: Pick<CaseTable, 'status' | 'finished_at' | 'updated_at'>,
  ): Promise<number> =>
    advanceCaseRow(
      db,
      { ...values, version: expectedVersion + 1 },
      { id, version: expectedVersion },
    ),
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
  /** 信息共享: a value one case established for its whole application (first writer wins). */
  shareData: (db: Db, row: SharedDataRow) =>
    db
      .insertInto('approval_shared_data')
      .values(row)
      .onConflict((oc) => oc.columns(['application_id', 'name']).doNothing())
      .execute(),
  listSharedData: (db: Db, applicationId: string) =>
    db
      .selectFrom('approval_shared_data')
      .select(['name', 'value'])
      .where('application_id', '=', applicationId)
      .execute(),
  /** The first licence of an application naming a legal person: the enterprise it founded. */
  findLegalPersonLicence: (db: Db, applicationId: string) =>
    db
      .selectFrom('approval_licences')
      .select(['holder_code', 'holder_name'])
      .where('application_id', '=', applicationId)
      .where('holder_kind', '=', 'legal_person')
      .orderBy('issued_at')
      .executeTakeFirst(),
  /** What is attached to a case: each record with the licence (if any) that stands in for it. */
  listCaseAttachments: (db: Db, caseId: string) =>
    db
      .selectFrom('approval_case_materials as m')
      .leftJoin('approval_licences as l', 'l.id', 'm.licence_id')
      .select([
        'm.material_code',
        'm.material_id',
        'm.licence_id',
        'l.valid_from',
        'l.valid_until',
        'l.revoked_at',
        'l.cancelled_at',
      ])
      .where('m.case_id', '=', caseId)
      .execute(),
  insertTask: (db: Db, row: TaskTable) => insertTaskRow(db, row),
  /** The task projection's three kinds of change (claims, suspensions, closings): precompiled. */
  assignTask: (db: Db, id: string, values: Pick<TaskTable, 'assignee_id' | 'updated_at'>) =>
    setTaskAssignee(db, values, { id }),
  setTaskState: (db: Db, id: string, values: Pick<TaskTable, 'state' | 'updated_at'>) =>
    setTaskState(db, values, { id }),
  closeTask: (db: Db, id: string, values: Pick<TaskTable, 'state' | 'closed_at' | 'updated_at'>) =>
    closeTaskRow(db, values, { id }),
  findTask: (db: Db, id: string) =>
    db.selectFrom('approval_tasks').selectAll().where('id', '=', id).executeTakeFirst(),
}
