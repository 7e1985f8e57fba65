import type { ModuleMigration } from '../../../platform/db/migrator.js'

export const createIdentityPreferences: ModuleMigration = {
  name: '2026-12-02T0900-create-identity-preferences',
  async up(db) {
    // One row per person or staff member who changed a setting; `id` is theirs.
    await db.schema
      .createTable('identity_preferences')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('subject_kind', 'text', (c) => c.notNull())
      .addColumn('elderly_mode', 'integer', (c) => c.notNull())
      .addColumn('locale', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
  },
}
