import type { ModuleMigration } from '../../../platform/db/migrator.js'

export const createApprovalCopies: ModuleMigration = {
  name: '2026-11-29T1810-create-approval-copies',
  async up(db) {
    await db.schema
      .createTable('approval_copies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('application_id', 'text', (c) => c.notNull())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('to_staff_id', 'text', (c) => c.notNull())
      .addColumn('copied_by', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('approval_copies_recipient')
      .on('approval_copies')
      .columns(['to_staff_id', 'read_at'])
      .execute()
  },
}
