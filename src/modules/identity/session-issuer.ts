import { randomBytes } from 'node:crypto'
import type { Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Actor, Channel, Principal, RoleAssignment } from '../../platform/auth/principal.js'
import { sm3Hex } from '../../platform/crypto/index.js'
import { DomainError } from '../../platform/errors.js'
import { identityDb, type IdentityDeps } from './identity.deps.js'
import { identityStore } from './identity.store.js'
import type { IdentityTables } from './identity.tables.js'
import { sessionStore } from './session.store.js'
import { createLiveSessionCache } from './live-sessions.js'
import { OTP_MAX_ATTEMPTS, otpDigest } from './sign-in-policy.js'

export interface IssuedTokens {
  accessToken: string
  tokenType: 'Bearer'
  expiresIn: number
  refreshToken: string
  refreshExpiresAt: string
  sessionId: string
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: DomainError }

/** Sessions and their tokens: issue, rotate (with reuse detection), revoke, resolve. */
// One second: a revocation on another instance, or a role change, is seen that much later.
const LIVE_SESSION_TTL_MS = 1000

export function createSessionIssuer(deps: IdentityDeps) {
  const db = identityDb(deps)
  const live = createLiveSessionCache({
    ttlMs: LIVE_SESSION_TTL_MS,
    limit: 20_000,
    now: () => deps.clock.now().getTime(),
  })

  async function newRefreshToken(trx: Transaction<IdentityTables>, sessionId: string, now: Date) {
    const token = randomBytes(32).toString('base64url')
    const expiresAt = new Date(now.getTime() + deps.refreshTokenTtlDays * 86_400_000).toISOString()
    await sessionStore.insertRefreshToken(trx, {
      id: uuidv7(),
      session_id: sessionId,
      token_hash: sm3Hex(token),
      expires_at: expiresAt,
      rotated_at: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    return { token, expiresAt }
  }

  async function tokensFor(
    session: { id: string; subject_id: string; subject_kind: 'person' | 'staff'; channel: string },
    refresh: { token: string; expiresAt: string },
  ): Promise<IssuedTokens> {
    const access = await deps.tokens.signAccess({
      sub: session.subject_id,
      kind: session.subject_kind,
      sid: session.id,
      channel: session.channel as Channel,
    })
    return {
      accessToken: access.token,
      tokenType: 'Bearer',
      expiresIn: access.expiresIn,
      refreshToken: refresh.token,
      refreshExpiresAt: refresh.expiresAt,
      sessionId: session.id,
    }
  }

  /** Runs a transaction whose refusal must still commit (counters, revocations), then throws. */
  async function commitThenThrow<T>(
    work: (trx: Transaction<IdentityTables>) => Promise<Outcome<T>>,
  ): Promise<T> {
    const outcome = await db.transaction().execute(work)
    if (!outcome.ok) throw outcome.error
    return outcome.value
  }

  return {
    completeChallenge(actor: Actor, challengeId: string, code: string): Promise<IssuedTokens> {
      const now = deps.clock.now()
      return commitThenThrow(async (trx) => {
        const ch = await sessionStore.findChallenge(trx, challengeId)
        const invalid = { ok: false as const, error: new DomainError('IDENTITY_OTP_INVALID') }
        if (
          !ch ||
          ch.consumed_at ||
          ch.expires_at <= now.toISOString() ||
          ch.attempts >= OTP_MAX_ATTEMPTS
        )
          return invalid
        if (otpDigest(deps, challengeId, code) !== ch.code_hash) {
          await sessionStore.recordChallengeAttempt(trx, ch.id, ch.attempts + 1, now.toISOString())
          return invalid
        }
        if (!(await sessionStore.consumeChallenge(trx, ch.id, now.toISOString()))) return invalid
        const table = ch.subject_kind === 'staff' ? 'identity_staff' : 'identity_persons'
        await identityStore.setSignInState(trx, table, ch.subject_id, {
          failed_attempts: 0,
          locked_until: null,
          updated_at: now.toISOString(),
        })
        const session = {
          id: uuidv7(),
          subject_id: ch.subject_id,
          subject_kind: ch.subject_kind,
          channel: ch.channel,
        }
        await sessionStore.insertSession(trx, {
          ...session,
          remember_device: ch.remember_device,
          revoked_at: null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        const refresh = await newRefreshToken(trx, session.id, now)
        const signedIn: Actor = { ...actor, channel: ch.channel as Channel }
        await deps.audit.record(trx, signedIn, {
          action: 'identity.signin.succeeded',
          subject: { type: ch.subject_kind, id: ch.subject_id },
          after: { sessionId: session.id, channel: ch.channel },
        })
        return { ok: true, value: await tokensFor(session, refresh) }
      })
    },

    refresh(actor: Actor, refreshToken: string): Promise<IssuedTokens> {
      const now = deps.clock.now()
      return commitThenThrow(async (trx) => {
        const row = await sessionStore.findRefreshToken(trx, sm3Hex(refreshToken))
        if (!row || row.expires_at <= now.toISOString())
          return { ok: false, error: new DomainError('IDENTITY_REFRESH_INVALID') }
        const session = await sessionStore.findLiveSession(trx, row.session_id)
        if (!session) return { ok: false, error: new DomainError('IDENTITY_REFRESH_INVALID') }
        if (
          row.rotated_at !== null ||
          !(await sessionStore.rotateRefreshToken(trx, row.id, now.toISOString()))
        ) {
          // A rotated token came back: it was stolen or replayed. The whole family (session) dies.
          await sessionStore.revokeSession(trx, session.id, now.toISOString())
          live.forgetSession(session.id)
          await deps.audit.record(trx, actor, {
            action: 'identity.refresh.reused',
            subject: { type: session.subject_kind, id: session.subject_id },
            after: { sessionId: session.id },
          })
          return { ok: false, error: new DomainError('IDENTITY_REFRESH_REUSED') }
        }
        const refresh = await newRefreshToken(trx, session.id, now)
        return { ok: true, value: await tokensFor(session, refresh) }
      })
    },

    async signOut(actor: Actor, everywhere: boolean): Promise<{ revoked: number }> {
      const principal = actor.principal
      if (!principal) throw new DomainError('PLATFORM_UNAUTHENTICATED')
      const now = deps.clock.now().toISOString()
      return db.transaction().execute(async (trx) => {
        let revoked = 1
        if (everywhere) revoked = await sessionStore.revokeAllSessions(trx, principal.id, now)
        else await sessionStore.revokeSession(trx, principal.sessionId, now)
        if (everywhere) live.forgetSubject(principal.id)
        else live.forgetSession(principal.sessionId)
        await deps.audit.record(trx, actor, {
          action: everywhere ? 'identity.signout.everywhere' : 'identity.signout',
          subject: { type: principal.kind, id: principal.id },
          after: { revoked },
        })
        return { revoked }
      })
    },

    /** A verified token whose session is still live becomes a caller with its current roles. */
    async resolvePrincipal(token: string): Promise<Principal | null> {
      const claims = await deps.tokens.verifyAccess(token)
      if (!claims) return null
      const known = live.get(claims.sid)
      if (known) {
        if (known.subjectId !== claims.sub) return null
        return {
          id: claims.sub,
          kind: claims.kind,
          sessionId: claims.sid,
          channel: claims.channel,
          assignments: known.assignments,
        }
      }
      const session = await sessionStore.findLiveSessionWithAgency(db, claims.sid)
      if (!session || session.subject_id !== claims.sub) return null
      const assignments = await assignmentsOf(claims.kind, claims.sub, Number(session.agencies) > 0)
      if (!assignments) return null
      live.remember(claims.sid, claims.sub, assignments)
      return {
        id: claims.sub,
        kind: claims.kind,
        sessionId: claims.sid,
        channel: claims.channel,
        assignments,
      }
    },
  }

  async function assignmentsOf(
    kind: 'person' | 'staff',
    id: string,
    isAgent: boolean,
  ): Promise<RoleAssignment[] | null> {
    if (kind === 'person') {
      const roles: RoleAssignment[] = [{ role: 'citizen', departmentId: null }]
      if (isAgent) roles.push({ role: 'enterprise_agent', departmentId: null })
      return roles
    }
    const staff = await identityStore.findStaff(db, id)
    if (!staff || staff.status !== 'active') return null
    const rows = await identityStore.listAssignments(db, id)
    return rows.map((r) => ({
      role: r.role,
      departmentId: r.department_id === '' ? null : r.department_id,
    }))
  }
}

export type SessionIssuer = ReturnType<typeof createSessionIssuer>
