import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely'
import type { DialectName, RootDb } from './database.js'

/** A migration written once for both dialects; `dialect` picks the few types that differ. */
export interface ModuleMigration {
  name: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and untyped by design
  up(db: Kysely<any>, ctx: MigrationContext): Promise<void>
}

export interface MigrationContext {
  dialect: DialectName
  /** Column type of an auto-incrementing 64-bit key. */
  serial: 'integer' | 'bigserial'
  /** Column type for JSON documents: text on both dialects, parsed by the stores, so rows read alike. */
  json: 'text'
}

export function migrationContext(dialect: DialectName): MigrationContext {
  return dialect === 'postgres'
    ? { dialect, serial: 'bigserial', json: 'text' }
    : { dialect, serial: 'integer', json: 'text' }
}

export async function migrateToLatest(
  db: RootDb,
  dialect: DialectName,
  migrations: ModuleMigration[],
): Promise<MigrationResultSet> {
  const ctx = migrationContext(dialect)
  const byName: Record<string, Migration> = {}
  for (const m of migrations) {
    if (byName[m.name]) throw new Error(`duplicate migration name ${m.name}`)
    byName[m.name] = { up: (trxDb) => m.up(trxDb, ctx) }
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => byName },
    migrationTableName: 'platform_migrations',
    migrationLockTableName: 'platform_migrations_lock',
  })
  const result = await migrator.migrateToLatest()
  if (result.error)
    throw result.error instanceof Error ? result.error : new Error(JSON.stringify(result.error))
  return result
}
