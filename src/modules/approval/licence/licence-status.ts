import { isIsoDate, toShanghaiDate } from '../../../platform/calendar/index.js'
import { LicenceError } from './licence.errors.js'

export type LicenceStatus = 'valid' | 'not_yet_valid' | 'expired' | 'revoked' | 'cancelled'

/** The dates a licence's status depends on. */
export interface LicenceLifecycle {
  /** 'YYYY-MM-DD', the first Asia/Shanghai day of validity. */
  validFrom: string
  /** 'YYYY-MM-DD', the last day of validity; null for 长期 (no end). */
  validUntil: string | null
  /** ISO 8601 instant with offset when it was revoked (吊销/撤销), else null. */
  revokedAt: string | null
  /** ISO 8601 instant with offset when it was cancelled (注销), else null. */
  cancelledAt: string | null
}

// An instant needs an explicit offset: a bare date or local time would be read as UTC.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/

const millisOf = (instant: string, field: string): number => {
  // Date.parse rolls 2026-02-30 over into March, hence the separate day check.
  const wellFormed = INSTANT.test(instant) && isIsoDate(instant.slice(0, 10))
  const millis = wellFormed ? Date.parse(instant) : Number.NaN
  if (Number.isNaN(millis)) throw new LicenceError('LICENCE_INSTANT_INVALID', field)
  return millis
}

const dayOf = (date: string, field: string): string => {
  if (!isIsoDate(date)) throw new LicenceError('LICENCE_INSTANT_INVALID', field)
  return date
}

/** The terminal event already in effect at `now`; the earlier wins, revocation on a tie. */
const ended = (lifecycle: LicenceLifecycle, now: number): 'revoked' | 'cancelled' | undefined => {
  const revoked =
    lifecycle.revokedAt === null ? Infinity : millisOf(lifecycle.revokedAt, 'revokedAt')
  const cancelled =
    lifecycle.cancelledAt === null ? Infinity : millisOf(lifecycle.cancelledAt, 'cancelledAt')
  if (Math.min(revoked, cancelled) > now) return undefined
  return revoked <= cancelled ? 'revoked' : 'cancelled'
}

/**
 * Status at the instant `nowIso`. Revocation and cancellation count from their instant and win
 * over dates; validity is by Asia/Shanghai calendar day, both ends inclusive. Malformed dates or
 * instants throw LicenceError LICENCE_INSTANT_INVALID.
 */
export const licenceStatus = (lifecycle: LicenceLifecycle, nowIso: string): LicenceStatus => {
  const now = millisOf(nowIso, 'now')
  const terminal = ended(lifecycle, now)
  if (terminal !== undefined) return terminal
  const today = toShanghaiDate(new Date(now))
  if (today < dayOf(lifecycle.validFrom, 'validFrom')) return 'not_yet_valid'
  const until = lifecycle.validUntil
  if (until !== null && today > dayOf(until, 'validUntil')) return 'expired'
  return 'valid'
}
