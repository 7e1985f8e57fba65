import type { AuditTrail } from '../../platform/audit/audit-trail.js'
import type { Guard } from '../../platform/auth/guard.js'
import type { TokenService } from '../../platform/auth/tokens.js'
import type { Clock } from '../../platform/clock.js'
import type { FieldCipher } from '../../platform/crypto/index.js'
import { moduleDb, type DialectName, type RootDb } from '../../platform/db/database.js'
import type { Notifier } from '../../platform/notify/notifier.js'
import type { IdentityTables } from './identity.tables.js'

export interface IdentityDeps {
  db: RootDb
  dialect: DialectName
  clock: Clock
  audit: AuditTrail
  guard: Guard
  cipher: FieldCipher
  notifier: Notifier
  tokens: TokenService
  refreshTokenTtlDays: number
  /** log2 of the scrypt cost for new password hashes (config `passwordHashCost`). */
  passwordHashCost: number
}

export const identityDb = (deps: IdentityDeps) => moduleDb<IdentityTables>(deps.db)
