/** Lockout with back-off (等保 三级): after 5 failures, 1 min, then doubling up to 24 h. */
export const MAX_FAILURES_BEFORE_LOCK = 5
const MAX_LOCK_MS = 24 * 3600_000

export function lockUntilAfterFailure(failedAttempts: number, now: Date): string | null {
  if (failedAttempts < MAX_FAILURES_BEFORE_LOCK) return null
  const lockMs = Math.min(60_000 * 2 ** (failedAttempts - MAX_FAILURES_BEFORE_LOCK), MAX_LOCK_MS)
  return new Date(now.getTime() + lockMs).toISOString()
}

export function isLocked(lockedUntil: string | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil > now.toISOString()
}

/**
 * The stored form of a one-time code: keyed by the platform secret (through the blind-index key),
 * so someone who reads the table cannot try the million codes offline.
 */
export function otpDigest(
  deps: { cipher: { blindIndex(value: string): string } },
  challengeId: string,
  code: string,
): string {
  return deps.cipher.blindIndex(`otp:${challengeId}:${code}`)
}

export const OTP_TTL_MINUTES = 5
export const OTP_MAX_ATTEMPTS = 5
