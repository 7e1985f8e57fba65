import type { ModuleMigration } from '../db/migrator.js'
import { createPlatformTables } from './2026-11-29T1300-create-platform-tables.js'
import { auditSealing } from './2026-11-29T2000-audit-sealing.js'

export const platformMigrations: ModuleMigration[] = [createPlatformTables, auditSealing]
