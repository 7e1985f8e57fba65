import type { ModuleMigration } from '../../../platform/db/migrator.js'

export const createApprovalDrafts: ModuleMigration = {
  name: '2026-12-05T0900-create-approval-drafts',
  async up(db) {
    await db.schema
      .createTable('approval_application_drafts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('party_id', 'text', (c) => c.notNull())
      .addColumn('subject_code', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('form_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('approval_application_drafts_owner')
      .on('approval_application_drafts')
      .columns(['owner_id', 'party_id', 'subject_code'])
      .unique()
      .execute()
  },
}
