import type { AuditTrail } from '../../platform/audit/audit-trail.js'
import type { Guard } from '../../platform/auth/guard.js'
import type { Clock } from '../../platform/clock.js'
import { moduleDb, type DialectName, type RootDb } from '../../platform/db/database.js'
import type { JobQueue } from '../../platform/jobs/job-queue.js'
import type { Notifier } from '../../platform/notify/notifier.js'
import type { EnterpriseProfile } from '../identity/index.js'
import type { PolicyTables } from './policy.tables.js'

/**
 * What policy matching reads of the register (provided by the identity module). `within` runs
 * the read in the caller's open transaction: on SQLite the one connection is held by it.
 */
export interface PolicyParties {
  findEnterpriseProfile(creditCode: string, within?: RootDb): Promise<EnterpriseProfile | null>
  listEnterpriseProfiles(
    after: string,
    limit: number,
    within?: RootDb,
  ): Promise<EnterpriseProfile[]>
  isAgent(enterpriseId: string, personId: string, within?: RootDb): Promise<boolean>
  contactOf(
    personId: string,
    within?: RootDb,
  ): Promise<{ recipientIndex: string; recipientMasked: string } | null>
}

export interface PolicyDepartments {
  findByCode(code: string): Promise<{ id: string; code: string } | null>
}

export interface PolicyDeps {
  db: RootDb
  dialect: DialectName
  clock: Clock
  audit: AuditTrail
  guard: Guard
  queue: JobQueue
  parties: PolicyParties
  departments: PolicyDepartments
  notifier: Notifier
  /** Enterprises evaluated per matching transaction (bounds how long one holds the writer). */
  matchChunk?: number
}

export const policyDb = (deps: Pick<PolicyDeps, 'db'>) => moduleDb<PolicyTables>(deps.db)
