import type { Logger } from 'pino'
import type { AuditTrail } from '../../platform/audit/audit-trail.js'
import type { Guard } from '../../platform/auth/guard.js'
import type { Clock } from '../../platform/clock.js'
import type { FieldCipher } from '../../platform/crypto/index.js'
import { moduleDb, type DialectName, type RootDb } from '../../platform/db/database.js'
import type { JobQueue } from '../../platform/jobs/job-queue.js'
import type { GovernanceTables } from './governance.tables.js'
import type { UploadKeys } from './upload-crypto.js'

/** What governance needs to know of departments (provided by the identity module). */
export interface GovernanceDepartments {
  findByCode(code: string): Promise<{ id: string; code: string } | null>
}

export interface GovernanceDeps {
  db: RootDb
  dialect: DialectName
  clock: Clock
  audit: AuditTrail
  guard: Guard
  queue: JobQueue
  /** Encrypts sampled rows and cluster members: they carry ID numbers, phones and addresses. */
  cipher: FieldCipher
  departments: GovernanceDepartments
  logger: Logger
  /** Uploaded files are kept under `<dataDir>/governance/uploads`, named by their SM3 hash. */
  dataDir: string
  maxUploadBytes: number
  /** Keys encrypting the uploaded files at rest (deriveUploadKeys of the platform secret). */
  uploadKeys: UploadKeys
  /** Days an upload is kept after its last use by a run, once no run needs it (default 7). */
  uploadRetentionDays?: number
  /** Failing rows kept per rule and run (default 20). */
  samplesPerRule?: number
  /** Records a dedup run reads at most; a larger file fails the run (default 200,000). */
  maxDedupRecords?: number
}

export const governanceDb = (deps: Pick<GovernanceDeps, 'db'>) =>
  moduleDb<GovernanceTables>(deps.db)
