import type { AuditTrail } from '../../platform/audit/audit-trail.js'
import type { Guard } from '../../platform/auth/guard.js'
import type { WorkingCalendar } from '../../platform/calendar/index.js'
import type { Clock } from '../../platform/clock.js'
import { moduleDb, type DialectName, type RootDb } from '../../platform/db/database.js'
import type { JobQueue } from '../../platform/jobs/job-queue.js'
import type { Notifier } from '../../platform/notify/notifier.js'
import type { BundleContent, PublishedDefinition } from '../catalog/index.js'
import type { ApprovalTables } from './approval.tables.js'

/** What the approval module reads of the catalogue (provided by the catalog module). */
export interface CatalogPort {
  getPublishedDefinition(itemIdOrCode: string): Promise<PublishedDefinition>
  /** The version a case started on, even after a newer one was published. */
  getDefinition(itemId: string, version: number, within?: RootDb): Promise<PublishedDefinition>
  getPublishedBundle(
    code: string,
  ): Promise<{ code: string; version: number; content: BundleContent }>
}

/**
 * What it reads of people and enterprises (provided by the identity module). `within` runs the
 * read in the caller's open transaction: on SQLite the one connection is held by it.
 */
export interface PartyDirectory {
  isAgent(enterpriseId: string, personId: string, within?: RootDb): Promise<boolean>
  findEnterprise(
    id: string,
    within?: RootDb,
  ): Promise<{ id: string; name: string; creditCode: string } | null>
  findPerson(
    id: string,
    within?: RootDb,
  ): Promise<{ id: string; name: string; idNumber: string } | null>
  findPersonByIdNumber(idNumber: string): Promise<{ id: string; name: string } | null>
  /** Where to text a person (keyed phone index and masked number), or null if unknown. */
  contactOf(
    personId: string,
    within?: RootDb,
  ): Promise<{ recipientIndex: string; recipientMasked: string } | null>
  holdsRole(staffId: string, role: string, departmentId: string, within?: RootDb): Promise<boolean>
  findDepartment(
    id: string,
    within?: RootDb,
  ): Promise<{ id: string; name: string; creditCode: string } | null>
}

export interface ApprovalDeps {
  db: RootDb
  dialect: DialectName
  clock: Clock
  audit: AuditTrail
  guard: Guard
  queue: JobQueue
  catalog: CatalogPort
  parties: PartyDirectory
  /** The working-day calendar in force (admins may load years while the server runs). */
  calendar: () => WorkingCalendar
  regionCode: string
  /** 好差评: working-day limits of a bad rating's work order; days until an unrated case counts as satisfied. */
  ratings: {
    limits: { respondDays: number; rectifyDays: number; closeDays: number }
    defaultAfterDays: number
  }
  /** How often the statutory clocks are scanned for 80 % warnings and breaches. */
  slaScanIntervalMs: number
  /** Running cases per SLA scan job (each page its own transaction). */
  slaScanPageSize: number
  /** Texts applicants (the platform's SMS outbox, or a deployment's gateway). */
  notifier: Notifier
  /** The SM2 key that signs electronic licences (derived from the platform secret). */
  licenceKey: { privateKeyHex: string; publicKeyHex: string }
}

export const approvalDb = (deps: Pick<ApprovalDeps, 'db'>) => moduleDb<ApprovalTables>(deps.db)
