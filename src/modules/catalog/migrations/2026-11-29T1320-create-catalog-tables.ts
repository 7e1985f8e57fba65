import type { ModuleMigration } from '../../../platform/db/migrator.js'

export const createCatalogTables: ModuleMigration = {
  name: '2026-11-29T1320-create-catalog-tables',
  async up(db) {
    for (const [table, key] of [
      ['catalog_items', 'implementation_code'],
      ['catalog_bundles', 'code'],
    ] as const) {
      await db.schema
        .createTable(table)
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn(key, 'text', (c) => c.notNull().unique())
        .addColumn(
          table === 'catalog_items' ? 'department_id' : 'lead_department_id',
          'text',
          (c) => c.notNull(),
        )
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('published_version', 'integer')
        .addColumn('latest_version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute()
    }
    await db.schema
      .createTable('catalog_item_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('item_id', 'text', (c) => c.notNull().references('catalog_items.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('content_json', 'text', (c) => c.notNull())
      .addColumn('process_xml', 'text')
      .addColumn('created_by', 'text')
      .addColumn('published_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('catalog_item_versions_unique', ['item_id', 'version'])
      .execute()
    await db.schema
      .createTable('catalog_bundle_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('bundle_id', 'text', (c) => c.notNull().references('catalog_bundles.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('content_json', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('catalog_bundle_versions_unique', ['bundle_id', 'version'])
      .execute()
    await db.schema
      .createIndex('catalog_item_versions_state')
      .on('catalog_item_versions')
      .columns(['state', 'name_zh'])
      .execute()
  },
}
