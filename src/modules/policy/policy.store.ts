import type { Insertable, Kysely, Transaction } from 'kysely'
import type { PolicyTables } from './policy.tables.js'

type Db = Kysely<PolicyTables> | Transaction<PolicyTables>

/** The only queries on this module's tables. */
export const policyStore = {
  findPolicy: (db: Db, code: string) =>
    db.selectFrom('policy_policies').selectAll().where('code', '=', code).executeTakeFirst(),
  listPolicies: (db: Db) => db.selectFrom('policy_policies').selectAll().orderBy('code').execute(),
  insertPolicy: (db: Db, row: Insertable<PolicyTables['policy_policies']>) =>
    db.insertInto('policy_policies').values(row).execute(),
  findRevision: (db: Db, policyId: string, revision: number) =>
    db
      .selectFrom('policy_revisions')
      .selectAll()
      .where('policy_id', '=', policyId)
      .where('revision', '=', revision)
      .executeTakeFirst(),
  insertRevision: (db: Db, row: Insertable<PolicyTables['policy_revisions']>) =>
    db.insertInto('policy_revisions').values(row).execute(),
  /** Every published policy with the source of its published revision. */
  listPublished: (db: Db) =>
    db
      .selectFrom('policy_policies as p')
      .innerJoin('policy_revisions as r', (join) =>
        join.onRef('r.policy_id', '=', 'p.id').onRef('r.revision', '=', 'p.published_revision'),
      )
      .select([
        'p.code',
        'p.department_code',
        'p.exempt_application',
        'r.id as revision_id',
        'r.revision',
        'r.source',
        'r.files_json',
      ])
      .orderBy('p.code')
      .execute(),

  findEnterprise: (db: Db, creditCode: string) =>
    db
      .selectFrom('policy_enterprises')
      .selectAll()
      .where('credit_code', '=', creditCode)
      .executeTakeFirst(),
  insertEnterprise: (db: Db, row: Insertable<PolicyTables['policy_enterprises']>) =>
    db.insertInto('policy_enterprises').values(row).execute(),
  /** Out-of-date enterprises, a chunk at a time, in credit-code order. */
  listDirty: (db: Db, limit: number) =>
    db
      .selectFrom('policy_enterprises')
      .selectAll()
      .where('dirty', '=', 1)
      .orderBy('credit_code')
      .limit(limit)
      .execute(),
  markAllDirty: (db: Db, now: string) =>
    db.updateTable('policy_enterprises').set({ dirty: 1, updated_at: now }).execute(),
  findEvaluation: (db: Db, creditCode: string) =>
    db
      .selectFrom('policy_evaluations')
      .selectAll()
      .where('credit_code', '=', creditCode)
      .executeTakeFirst(),
  listMatchesOf: (db: Db, creditCode: string) =>
    db
      .selectFrom('policy_matches')
      .selectAll()
      .where('credit_code', '=', creditCode)
      .orderBy('policy_code')
      .execute(),
  isOptedOut: async (db: Db, creditCode: string, policyCode: string) =>
    (await db
      .selectFrom('policy_opt_outs')
      .select('policy_code')
      .where('credit_code', '=', creditCode)
      .where('policy_code', 'in', [policyCode, '*'])
      .executeTakeFirst()) !== undefined,
}
