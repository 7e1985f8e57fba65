import type { ModuleMigration } from '../../../platform/db/migrator.js'

/** Outliers of numeric fields per check run, and which fields a dataset has judged that way. */
export const createGovernanceOutliers: ModuleMigration = {
  name: '2026-12-03T1000-create-governance-outliers',
  async up(db, ctx) {
    await db.schema.alterTable('governance_datasets').addColumn('outliers_json', ctx.json).execute()
    await db.schema
      .createTable('governance_outlier_results')
      .addColumn('run_id', 'text', (c) => c.notNull().references('governance_check_runs.id'))
      .addColumn('dataset_id', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('group_by_json', ctx.json, (c) => c.notNull())
      .addColumn('values_count', 'bigint', (c) => c.notNull())
      .addColumn('skipped', 'bigint', (c) => c.notNull())
      .addColumn('groups', 'integer', (c) => c.notNull())
      .addColumn('assessed_groups', 'integer', (c) => c.notNull())
      .addColumn('outliers', 'bigint', (c) => c.notNull())
      .addColumn('rate', 'double precision', (c) => c.notNull())
      .addColumn('sample_token', 'text', (c) => c.notNull())
      .addColumn('measured_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('governance_outlier_results_pk', ['run_id', 'field'])
      .execute()
    await db.schema
      .createIndex('governance_outlier_results_trend')
      .on('governance_outlier_results')
      .columns(['dataset_id', 'field', 'measured_at'])
      .execute()
  },
}
