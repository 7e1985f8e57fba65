import type { Insertable, Kysely } from 'kysely'
import type { IdentityTables } from './identity.tables.js'

type Db = Kysely<IdentityTables>

/** Queries on a person's or staff member's own settings. */
export const preferencesStore = {
  find: (db: Db, subjectId: string) =>
    db
      .selectFrom('identity_preferences')
      .selectAll()
      .where('id', '=', subjectId)
      .executeTakeFirst(),
  save: (db: Db, row: Insertable<IdentityTables['identity_preferences']>) =>
    db
      .insertInto('identity_preferences')
      .values(row)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          elderly_mode: row.elderly_mode,
          locale: row.locale,
          updated_at: row.updated_at,
        }),
      )
      .execute(),
}
