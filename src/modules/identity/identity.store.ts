import { v7 as uuidv7 } from 'uuid'
import type { Kysely } from 'kysely'
import type { IdentityTables, RoleAssignmentTable } from './identity.tables.js'
import type { Insertable } from 'kysely'

type Db = Kysely<IdentityTables>

/** Queries on people, staff, departments and enterprises; callers pass a transaction to write. */
export const identityStore = {
  findPersonByIdIndex: (db: Db, index: string) =>
    db
      .selectFrom('identity_persons')
      .selectAll()
      .where('id_number_index', '=', index)
      .executeTakeFirst(),
  findPerson: (db: Db, id: string) =>
    db.selectFrom('identity_persons').selectAll().where('id', '=', id).executeTakeFirst(),
  insertPerson: (db: Db, row: Insertable<IdentityTables['identity_persons']>) =>
    db.insertInto('identity_persons').values(row).execute(),
  countPersons: async (db: Db) =>
    Number(
      (
        await db
          .selectFrom('identity_persons')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),

  findStaffByAccount: (db: Db, account: string) =>
    db.selectFrom('identity_staff').selectAll().where('account', '=', account).executeTakeFirst(),
  findStaff: (db: Db, id: string) =>
    db.selectFrom('identity_staff').selectAll().where('id', '=', id).executeTakeFirst(),
  insertStaff: (db: Db, row: Insertable<IdentityTables['identity_staff']>) =>
    db.insertInto('identity_staff').values(row).execute(),
  listStaff: (db: Db, departmentId: string | null, limit: number, offset: number) => {
    let q = db
      .selectFrom('identity_staff')
      .selectAll()
      .orderBy('account')
      .limit(limit)
      .offset(offset)
    if (departmentId) q = q.where('department_id', '=', departmentId)
    return q.execute()
  },

  /** Sign-in counters: failures and the lock, on whichever table holds the account. */
  setSignInState: (
    db: Db,
    table: 'identity_persons' | 'identity_staff',
    id: string,
    state: { failed_attempts: number; locked_until: string | null; updated_at: string },
  ) => db.updateTable(table).set(state).where('id', '=', id).execute(),

  listAssignments: (db: Db, staffId: string) =>
    db
      .selectFrom('identity_role_assignments')
      .select(['id', 'role', 'department_id'])
      .where('staff_id', '=', staffId)
      .execute(),
  insertAssignment: (db: Db, row: Insertable<RoleAssignmentTable>) =>
    db.insertInto('identity_role_assignments').values(row).execute(),
  deleteAssignment: (db: Db, staffId: string, role: string, departmentId: string) =>
    db
      .deleteFrom('identity_role_assignments')
      .where('staff_id', '=', staffId)
      .where('role', '=', role)
      .where('department_id', '=', departmentId)
      .executeTakeFirst(),

  listDepartments: (db: Db) =>
    db.selectFrom('identity_departments').selectAll().orderBy('code').execute(),
  findDepartment: (db: Db, id: string) =>
    db.selectFrom('identity_departments').selectAll().where('id', '=', id).executeTakeFirst(),
  findDepartmentByCode: (db: Db, code: string) =>
    db.selectFrom('identity_departments').selectAll().where('code', '=', code).executeTakeFirst(),
  insertDepartment: (db: Db, row: Insertable<IdentityTables['identity_departments']>) =>
    db.insertInto('identity_departments').values(row).execute(),

  findEnterprise: (db: Db, id: string) =>
    db.selectFrom('identity_enterprises').selectAll().where('id', '=', id).executeTakeFirst(),
  findEnterpriseByCreditCode: (db: Db, code: string) =>
    db
      .selectFrom('identity_enterprises')
      .selectAll()
      .where('credit_code', '=', code)
      .executeTakeFirst(),
  /** Enterprises in credit-code order after `after`: a module syncing its view pages through them. */
  listEnterprisesAfter: (db: Db, after: string, limit: number) =>
    db
      .selectFrom('identity_enterprises')
      .selectAll()
      .where('credit_code', '>', after)
      .orderBy('credit_code')
      .limit(limit)
      .execute(),
  insertEnterprise: (db: Db, row: Insertable<IdentityTables['identity_enterprises']>) =>
    db.insertInto('identity_enterprises').values(row).execute(),
  /** Authorises a person to act for an enterprise. */
  grantAgency: (
    db: Db,
    grant: { enterpriseId: string; personId: string; grantedBy: string; now: string },
  ) =>
    db
      .insertInto('identity_enterprise_agents')
      .values({
        id: uuidv7(),
        enterprise_id: grant.enterpriseId,
        person_id: grant.personId,
        granted_by: grant.grantedBy,
        revoked_at: null,
        created_at: grant.now,
        updated_at: grant.now,
      })
      .execute(),
  /** The enterprises a person currently acts for, in one query. */
  listEnterprisesOf: (db: Db, personId: string) =>
    db
      .selectFrom('identity_enterprises as e')
      .innerJoin('identity_enterprise_agents as a', 'a.enterprise_id', 'e.id')
      .selectAll('e')
      .where('a.person_id', '=', personId)
      .where('a.revoked_at', 'is', null)
      .orderBy('e.name')
      .execute(),
  isAgent: async (db: Db, enterpriseId: string, personId: string) =>
    (await db
      .selectFrom('identity_enterprise_agents')
      .select('id')
      .where('enterprise_id', '=', enterpriseId)
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()) !== undefined,
}
