import type { CreateTableBuilder, Kysely } from 'kysely'
import type { MigrationContext, ModuleMigration } from '../../../platform/db/migrator.js'

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and untyped by design */
type Builder = CreateTableBuilder<any, any>

/** The columns a check run and a dedup run share: the uploaded file and the run's outcome. */
function runColumns(table: Builder, ctx: MigrationContext): Builder {
  return table
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('governance_datasets.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('file_size', 'bigint', (c) => c.notNull())
    .addColumn('file_kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('error_json', ctx.json)
    .addColumn('requested_by', 'text')
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
}

async function createDatasets(db: Kysely<any>, ctx: MigrationContext) {
  await db.schema
    .createTable('governance_datasets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('standard', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('source_system', 'text', (c) => c.notNull())
    .addColumn('columns_json', ctx.json, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}

async function createChecks(db: Kysely<any>, ctx: MigrationContext) {
  await runColumns(db.schema.createTable('governance_check_runs'), ctx)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rows', 'bigint')
    .addColumn('unreadable_rows', 'bigint')
    .addColumn('score', 'double precision')
    .addColumn('standard_version', 'text')
    .execute()
  await db.schema
    .createIndex('governance_check_runs_dataset')
    .on('governance_check_runs')
    .columns(['dataset_id', 'created_at'])
    .execute()
  await db.schema
    .createTable('governance_scores')
    .addColumn('run_id', 'text', (c) => c.notNull().references('governance_check_runs.id'))
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addColumn('rules', 'integer', (c) => c.notNull())
    .addColumn('checks', 'bigint', (c) => c.notNull())
    .addColumn('failed', 'bigint', (c) => c.notNull())
    .addColumn('detail_json', ctx.json)
    .addColumn('measured_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('governance_scores_pk', ['run_id', 'scope', 'key'])
    .execute()
  // Trends read one scope and key of a dataset over time.
  await db.schema
    .createIndex('governance_scores_trend')
    .on('governance_scores')
    .columns(['dataset_id', 'scope', 'key', 'measured_at'])
    .execute()
  await db.schema
    .createTable('governance_failure_samples')
    .addColumn('run_id', 'text', (c) => c.notNull().references('governance_check_runs.id'))
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('line', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('message_zh', 'text', (c) => c.notNull())
    .addColumn('message_en', 'text', (c) => c.notNull())
    .addColumn('values_token', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('governance_failure_samples_pk', ['run_id', 'rule_id', 'seq'])
    .execute()
}

async function createDedup(db: Kysely<any>, ctx: MigrationContext) {
  await runColumns(db.schema.createTable('governance_dedup_runs'), ctx)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('preset', 'text', (c) => c.notNull())
    .addColumn('records', 'bigint')
    .addColumn('pairs_compared', 'bigint')
    .addColumn('possible_pairs', 'bigint')
    .addColumn('clusters', 'bigint')
    .addColumn('summary_json', ctx.json)
    .addColumn('decisions_json', ctx.json)
    .execute()
  await db.schema
    .createTable('governance_dedup_pairs')
    .addColumn('run_id', 'text', (c) => c.notNull().references('governance_dedup_runs.id'))
    .addColumn('record_a', 'text', (c) => c.notNull())
    .addColumn('record_b', 'text', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('posterior', 'double precision', (c) => c.notNull())
    .addColumn('fields_json', ctx.json, (c) => c.notNull())
    .addPrimaryKeyConstraint('governance_dedup_pairs_pk', ['run_id', 'record_a', 'record_b'])
    .execute()
  await db.schema
    .createTable('governance_clusters')
    .addColumn('run_id', 'text', (c) => c.notNull().references('governance_dedup_runs.id'))
    .addColumn('cluster_id', 'text', (c) => c.notNull())
    .addColumn('record_ids_json', ctx.json, (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('confidence', 'double precision', (c) => c.notNull())
    .addColumn('mean_posterior', 'double precision', (c) => c.notNull())
    .addColumn('review', 'text', (c) => c.notNull())
    .addColumn('evidence_json', ctx.json, (c) => c.notNull())
    .addColumn('edges_json', ctx.json, (c) => c.notNull())
    .addColumn('records_token', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('governance_clusters_pk', ['run_id', 'cluster_id'])
    .execute()
  await db.schema
    .createTable('governance_review_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('governance_datasets.id'))
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('cluster_id', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('groups_json', ctx.json, (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('governance_review_decisions_dataset')
    .on('governance_review_decisions')
    .columns(['dataset_id', 'decided_at'])
    .execute()
}

async function createAlerts(db: Kysely<any>, ctx: MigrationContext) {
  await db.schema
    .createTable('governance_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('governance_datasets.id'))
    .addColumn('run_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('message_zh', 'text', (c) => c.notNull())
    .addColumn('message_en', 'text', (c) => c.notNull())
    .addColumn('detail_json', ctx.json, (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledge_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('governance_alerts_dataset')
    .on('governance_alerts')
    .columns(['dataset_id', 'raised_at'])
    .execute()
}

export const createGovernanceTables: ModuleMigration = {
  name: '2026-12-01T0900-create-governance-tables',
  async up(db, ctx) {
    await createDatasets(db, ctx)
    await createChecks(db, ctx)
    await createDedup(db, ctx)
    await createAlerts(db, ctx)
  },
}
