import { sql } from 'kysely'
import type { RootDb } from '../../src/platform/db/database.js'

/** Row counts of the given tables: compared before and after a refused request. */
export async function countRows(db: RootDb, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const result = await sql<{
      n: number | string
    }>`select count(*) as n from ${sql.table(table)}`.execute(db)
    counts[table] = Number(result.rows[0]?.n ?? 0)
  }
  return counts
}

export const WRITE_TABLES = [
  'identity_persons',
  'identity_staff',
  'identity_enterprises',
  'catalog_items',
  'catalog_item_versions',
  'platform_audit_records',
  'platform_jobs',
]
