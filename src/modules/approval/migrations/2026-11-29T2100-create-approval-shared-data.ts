import type { ModuleMigration } from '../../../platform/db/migrator.js'

/**
 * 信息共享: values one department's step establishes for the whole application (the credit code
 * of the enterprise it founds), read by the other departments' staff. Kept beside the cases, not
 * in their logs: writing it moves no case's version, so it never races a staff step.
 */
export const createApprovalSharedData: ModuleMigration = {
  name: '2026-11-29T2100-create-approval-shared-data',
  async up(db) {
    await db.schema
      .createTable('approval_shared_data')
      .addColumn('application_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('source_case_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('approval_shared_data_pk', ['application_id', 'name'])
      .execute()
  },
}
