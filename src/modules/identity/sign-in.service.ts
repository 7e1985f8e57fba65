import { randomInt } from 'node:crypto'
import { v7 as uuidv7 } from 'uuid'
import { hashPassword, verifyPassword } from '../../platform/auth/password.js'
import type { Actor, Channel } from '../../platform/auth/principal.js'
import { DomainError } from '../../platform/errors.js'
import { maskPhone, validateIdNumber } from '../../platform/standards/index.js'
import { identityDb, type IdentityDeps } from './identity.deps.js'
import { identityStore } from './identity.store.js'
import { sessionStore } from './session.store.js'
import { OTP_TTL_MINUTES, isLocked, lockUntilAfterFailure, otpDigest } from './sign-in-policy.js'
import { createSessionIssuer, type IssuedTokens } from './session-issuer.js'

export interface SignInStart {
  kind: 'person' | 'staff'
  /** A person's ID number or a staff account. */
  identifier: string
  password: string
  channel: Channel
  rememberDevice?: boolean
}

interface Account {
  table: 'identity_persons' | 'identity_staff'
  id: string
  kind: 'person' | 'staff'
  passwordHash: string
  failedAttempts: number
  lockedUntil: string | null
  phoneEnc: string
  phoneIndex: string
}

/** Step one checks the password and texts a one-time code; step two trades the code for tokens. */
export function createSignInService(deps: IdentityDeps) {
  const db = identityDb(deps)
  const issuer = createSessionIssuer(deps)
  // Verifying against a real hash when the account is unknown keeps the response time alike.
  const decoyHash = hashPassword('decoy-password-1', deps.passwordHashCost)

  async function findAccount(
    kind: 'person' | 'staff',
    identifier: string,
  ): Promise<Account | null> {
    if (kind === 'staff') {
      const s = await identityStore.findStaffByAccount(db, identifier.trim())
      if (!s || s.status !== 'active') return null
      return {
        table: 'identity_staff',
        id: s.id,
        kind,
        passwordHash: s.password_hash,
        failedAttempts: s.failed_attempts,
        lockedUntil: s.locked_until,
        phoneEnc: s.phone_enc,
        phoneIndex: s.phone_index,
      }
    }
    const id = validateIdNumber(identifier)
    if (!id.ok) return null
    const p = await identityStore.findPersonByIdIndex(db, deps.cipher.blindIndex(id.value.idNumber))
    if (!p) return null
    return {
      table: 'identity_persons',
      id: p.id,
      kind,
      passwordHash: p.password_hash,
      failedAttempts: p.failed_attempts,
      lockedUntil: p.locked_until,
      phoneEnc: p.phone_enc,
      phoneIndex: p.phone_index,
    }
  }

  async function recordFailure(actor: Actor, account: Account, now: Date): Promise<never> {
    const failed = account.failedAttempts + 1
    const lockedUntil = lockUntilAfterFailure(failed, now)
    await db.transaction().execute(async (trx) => {
      await identityStore.setSignInState(trx, account.table, account.id, {
        failed_attempts: failed,
        locked_until: lockedUntil,
        updated_at: now.toISOString(),
      })
      await deps.audit.record(trx, actor, {
        action: lockedUntil ? 'identity.account.locked' : 'identity.signin.failed',
        subject: { type: account.kind, id: account.id },
        after: { failedAttempts: failed, lockedUntil },
      })
    })
    if (lockedUntil) throw new DomainError('IDENTITY_ACCOUNT_LOCKED', { until: lockedUntil })
    throw new DomainError('IDENTITY_CREDENTIALS_INVALID')
  }

  return {
    async start(actor: Actor, input: SignInStart) {
      const now = deps.clock.now()
      const account = await findAccount(input.kind, input.identifier)
      if (!account) {
        await verifyPassword(input.password, await decoyHash)
        throw new DomainError('IDENTITY_CREDENTIALS_INVALID')
      }
      if (isLocked(account.lockedUntil, now)) {
        throw new DomainError('IDENTITY_ACCOUNT_LOCKED', { until: account.lockedUntil ?? '' })
      }
      if (!(await verifyPassword(input.password, account.passwordHash)))
        return recordFailure(actor, account, now)
      const challengeId = uuidv7()
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
      const expiresAt = new Date(now.getTime() + OTP_TTL_MINUTES * 60_000).toISOString()
      const sentTo = maskPhone(deps.cipher.decrypt(account.phoneEnc))
      await db.transaction().execute(async (trx) => {
        await sessionStore.insertChallenge(trx, {
          id: challengeId,
          subject_id: account.id,
          subject_kind: account.kind,
          channel: input.channel,
          remember_device: input.rememberDevice ? 1 : 0,
          code_hash: otpDigest(deps, challengeId, code),
          expires_at: expiresAt,
          attempts: 0,
          consumed_at: null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        await deps.notifier.sendSms(trx, {
          recipientIndex: account.phoneIndex,
          recipientMasked: sentTo,
          template: 'identity.sms.otp',
          params: { code, minutes: OTP_TTL_MINUTES },
        })
      })
      return { challengeId, expiresAt, sentTo }
    },

    async verify(
      actor: Actor,
      input: { challengeId: string; code: string },
    ): Promise<IssuedTokens> {
      return issuer.completeChallenge(actor, input.challengeId, input.code)
    },
  }
}

export type SignInService = ReturnType<typeof createSignInService>
