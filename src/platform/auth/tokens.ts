import { SignJWT, jwtVerify, errors as joseErrors } from 'jose'
import type { Channel, PrincipalKind } from './principal.js'

export interface AccessClaims {
  sub: string
  kind: PrincipalKind
  sid: string
  channel: Channel
}

export interface TokenService {
  signAccess(claims: AccessClaims): Promise<{ token: string; expiresIn: number }>
  /** Returns the claims, or null for an expired, tampered or foreign token. */
  verifyAccess(token: string): Promise<AccessClaims | null>
}

const ISSUER = 'tongban'
const AUDIENCE = 'tongban-api'

export function createTokenService(options: {
  secret: Uint8Array
  accessTtlSeconds: number
  now?: () => Date
}): TokenService {
  const now = options.now ?? (() => new Date())
  return {
    async signAccess(claims) {
      const iat = Math.floor(now().getTime() / 1000)
      const token = await new SignJWT({
        kind: claims.kind,
        sid: claims.sid,
        channel: claims.channel,
      })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.sub)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + options.accessTtlSeconds)
        .sign(options.secret)
      return { token, expiresIn: options.accessTtlSeconds }
    },
    async verifyAccess(token) {
      try {
        const { payload } = await jwtVerify(token, options.secret, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
          currentDate: now(),
        })
        const { sub, kind, sid, channel } = payload
        if (typeof sub !== 'string' || typeof sid !== 'string') return null
        if (kind !== 'person' && kind !== 'staff') return null
        return { sub, kind, sid, channel: channel as Channel }
      } catch (error) {
        if (error instanceof joseErrors.JOSEError) return null
        throw error
      }
    },
  }
}
