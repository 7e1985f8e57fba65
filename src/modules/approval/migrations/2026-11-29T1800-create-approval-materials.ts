import type { ModuleMigration } from '../../../platform/db/migrator.js'

export const createApprovalMaterials: ModuleMigration = {
  name: '2026-11-29T1800-create-approval-materials',
  async up(db, { dialect }) {
    await db.schema
      .createTable('approval_material_blobs')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('approval_materials')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('approval_case_materials')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('application_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('material_code', 'text', (c) => c.notNull())
      .addColumn('material_id', 'text')
      .addColumn('licence_id', 'text')
      .addColumn('reason', 'text')
      .addColumn('attached_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('approval_case_materials_case')
      .on('approval_case_materials')
      .columns(['case_id', 'material_code'])
      .execute()
  },
}
