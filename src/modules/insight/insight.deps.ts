import type { Logger } from 'pino'
import type { AuditTrail } from '../../platform/audit/audit-trail.js'
import type { Guard } from '../../platform/auth/guard.js'
import type { WorkingCalendar } from '../../platform/calendar/index.js'
import type { Clock } from '../../platform/clock.js'
import { moduleDb, type DialectName, type RootDb } from '../../platform/db/database.js'
import type { JobQueue } from '../../platform/jobs/job-queue.js'
import type { UploadKeys } from '../governance/index.js'
import type { ApprovalLogSource } from './approval/approval-events.js'
import type { InsightTables } from './insight.tables.js'

/** What insight needs to know of departments (the identity module provides it). */
export interface InsightDepartments {
  findByCode(code: string): Promise<{ id: string; code: string } | null>
}

/** An item's deployed process (the catalogue provides it; throws when there is none). */
export interface InsightCatalog {
  getPublishedDefinition(code: string): Promise<{ processXml: string; departmentId: string }>
}

export interface InsightDeps {
  db: RootDb
  dialect: DialectName
  clock: Clock
  audit: AuditTrail
  guard: Guard
  queue: JobQueue
  logger: Logger
  departments: InsightDepartments
  catalog: InsightCatalog
  /** The approval module's action log, read a page at a time. */
  approvalLog: ApprovalLogSource
  calendar: () => WorkingCalendar
  /** Uploaded logs are kept under `<dataDir>/insight/uploads`, encrypted, by their SM3 hash. */
  dataDir: string
  maxUploadBytes: number
  uploadKeys: UploadKeys
  /** Days an uploaded log is kept after its last upload or analysis, once none is pending (7). */
  uploadRetentionDays?: number
}

export const insightDb = (deps: Pick<InsightDeps, 'db'>) => moduleDb<InsightTables>(deps.db)
