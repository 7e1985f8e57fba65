import type { ModuleMigration } from '../../../platform/db/migrator.js'

export const createApprovalRatings: ModuleMigration = {
  name: '2026-11-29T1700-create-approval-ratings',
  async up(db) {
    await db.schema
      .createTable('approval_ratings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().unique())
      .addColumn('application_id', 'text', (c) => c.notNull())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('implementation_code', 'text', (c) => c.notNull())
      .addColumn('rater_id', 'text')
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('score', 'integer', (c) => c.notNull())
      .addColumn('tags_json', 'text', (c) => c.notNull())
      .addColumn('comment', 'text', (c) => c.notNull())
      .addColumn('defaulted', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('approval_ratings_department')
      .on('approval_ratings')
      .columns(['department_id', 'implementation_code'])
      .execute()
    await db.schema
      .createTable('approval_work_orders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('rating_id', 'text', (c) => c.notNull().unique())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('rater_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('response', 'text')
      .addColumn('rectification', 'text')
      .addColumn('appeal_json', 'text')
      .addColumn('fix_score', 'integer')
      .addColumn('limits_json', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('responded_at', 'text')
      .addColumn('rectified_at', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('approval_work_orders_department')
      .on('approval_work_orders')
      .columns(['department_id', 'status'])
      .execute()
  },
}
