import type { FieldError } from '../../platform/errors.js'
import type { AuditTrail } from '../../platform/audit/audit-trail.js'
import type { Guard } from '../../platform/auth/guard.js'
import type { Clock } from '../../platform/clock.js'
import { moduleDb, type RootDb } from '../../platform/db/database.js'
import type { CatalogTables } from './catalog.tables.js'
import type { DepartmentRef } from './guide.js'

/** What the catalogue needs to know of departments (provided by the identity module). */
export interface DepartmentDirectory {
  findByCode(code: string): Promise<DepartmentRef | null>
  findById(id: string): Promise<DepartmentRef | null>
}

/**
 * The process engine's own check of a BPMN document (provided by the approval module), so the
 * catalogue never accepts a process the engine cannot run. Returns the problems, [] when sound.
 */
export type ProcessChecker = (xml: string) => Promise<FieldError[]>

export interface CatalogDeps {
  db: RootDb
  clock: Clock
  audit: AuditTrail
  guard: Guard
  departments: DepartmentDirectory
  checkProcess?: ProcessChecker
}

export const catalogDb = (deps: CatalogDeps) => moduleDb<CatalogTables>(deps.db)
