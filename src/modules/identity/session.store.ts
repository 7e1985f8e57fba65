import type { Insertable, Kysely } from 'kysely'
import type { IdentityTables } from './identity.tables.js'

type Db = Kysely<IdentityTables>

/** Queries on sessions, refresh tokens and one-time-code challenges. */
export const sessionStore = {
  insertChallenge: (db: Db, row: Insertable<IdentityTables['identity_otp_challenges']>) =>
    db.insertInto('identity_otp_challenges').values(row).execute(),
  findChallenge: (db: Db, id: string) =>
    db.selectFrom('identity_otp_challenges').selectAll().where('id', '=', id).executeTakeFirst(),
  recordChallengeAttempt: (db: Db, id: string, attempts: number, now: string) =>
    db
      .updateTable('identity_otp_challenges')
      .set({ attempts, updated_at: now })
      .where('id', '=', id)
      .execute(),
  /** Consumes the challenge once; false when someone else consumed it first. */
  consumeChallenge: async (db: Db, id: string, now: string) =>
    Number(
      (
        await db
          .updateTable('identity_otp_challenges')
          .set({ consumed_at: now, updated_at: now })
          .where('id', '=', id)
          .where('consumed_at', 'is', null)
          .executeTakeFirst()
      ).numUpdatedRows,
    ) === 1,

  insertSession: (db: Db, row: Insertable<IdentityTables['identity_sessions']>) =>
    db.insertInto('identity_sessions').values(row).execute(),
  findLiveSession: (db: Db, id: string) =>
    db
      .selectFrom('identity_sessions')
      .select(['id', 'subject_id', 'subject_kind', 'channel'])
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst(),
  /** A live session and, in the same query, how many enterprises its person acts for. */
  findLiveSessionWithAgency: (db: Db, id: string) =>
    db
      .selectFrom('identity_sessions as s')
      .select(['s.id', 's.subject_id', 's.subject_kind', 's.channel'])
      .select((eb) =>
        eb
          .selectFrom('identity_enterprise_agents as a')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('a.person_id', '=', 's.subject_id')
          .where('a.revoked_at', 'is', null)
          .as('agencies'),
      )
      .where('s.id', '=', id)
      .where('s.revoked_at', 'is', null)
      .executeTakeFirst(),
  revokeSession: (db: Db, id: string, now: string) =>
    db
      .updateTable('identity_sessions')
      .set({ revoked_at: now, updated_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute(),
  revokeAllSessions: async (db: Db, subjectId: string, now: string) =>
    Number(
      (
        await db
          .updateTable('identity_sessions')
          .set({ revoked_at: now, updated_at: now })
          .where('subject_id', '=', subjectId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst()
      ).numUpdatedRows,
    ),

  insertRefreshToken: (db: Db, row: Insertable<IdentityTables['identity_refresh_tokens']>) =>
    db.insertInto('identity_refresh_tokens').values(row).execute(),
  findRefreshToken: (db: Db, tokenHash: string) =>
    db
      .selectFrom('identity_refresh_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst(),
  /** Marks the token used; false when it was already rotated (a concurrent or replayed use). */
  rotateRefreshToken: async (db: Db, id: string, now: string) =>
    Number(
      (
        await db
          .updateTable('identity_refresh_tokens')
          .set({ rotated_at: now, updated_at: now })
          .where('id', '=', id)
          .where('rotated_at', 'is', null)
          .executeTakeFirst()
      ).numUpdatedRows,
    ) === 1,
}
