import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** log2 of scrypt's N: 2^14 = 16384, the cost OWASP names for scrypt with r = 8, p = 1. */
export const DEFAULT_PASSWORD_HASH_COST = 14
const PARAMS: ScryptOptions = {
  N: 2 ** DEFAULT_PASSWORD_HASH_COST,
  r: 8,
  p: 1,
  maxmem: 64 * 1024 * 1024,
}
const KEY_LENGTH = 32

function derive(password: string, salt: Buffer, params = PARAMS): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, params, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

/** `scrypt$N$r$p$salt$hash`, base64url; the parameters travel with the hash so they can change. */
export async function hashPassword(
  password: string,
  cost = DEFAULT_PASSWORD_HASH_COST,
): Promise<string> {
  const salt = randomBytes(16)
  const params = { ...PARAMS, N: 2 ** cost }
  const key = await derive(password, salt, params)
  return [
    'scrypt',
    params.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const params = { ...PARAMS, N: Number(n), r: Number(r), p: Number(p) }
  const expected = Buffer.from(hash, 'base64url')
  const actual = await derive(password, Buffer.from(salt, 'base64url'), params)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** Rules for a new password: 8–64 characters with letters and digits (等保 三级 complexity). */
export function passwordProblems(password: string): string[] {
  const problems: string[] = []
  if (password.length < 8 || password.length > 64) problems.push('length')
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push('complexity')
  return problems
}
