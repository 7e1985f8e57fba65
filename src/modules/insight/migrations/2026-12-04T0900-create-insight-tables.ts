import type { Kysely } from 'kysely'
import type { ModuleMigration } from '../../../platform/db/migrator.js'

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and untyped by design */

/** Uploaded event logs (the file is kept encrypted by its SM3 hash) and analyses run as jobs. */
export const createInsightTables: ModuleMigration = {
  name: '2026-12-04T0900-create-insight-tables',
  async up(db: Kysely<any>, ctx) {
    await db.schema
      .createTable('insight_logs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('file_hash', 'text', (c) => c.notNull())
      .addColumn('file_size', 'bigint', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('mapping_json', ctx.json)
      .addColumn('uploaded_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('insight_analyses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('source_kind', 'text', (c) => c.notNull())
      .addColumn('log_id', 'text', (c) => c.references('insight_logs.id'))
      .addColumn('request_json', ctx.json, (c) => c.notNull())
      .addColumn('model_xml', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('progress_json', ctx.json)
      .addColumn('job_id', 'text')
      .addColumn('error_code', 'text')
      .addColumn('error_json', ctx.json)
      .addColumn('result_json', ctx.json)
      .addColumn('issues_json', ctx.json)
      .addColumn('bpmn_xml', 'text')
      .addColumn('requested_by', 'text')
      .addColumn('started_at', 'text')
      .addColumn('finished_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('insight_analyses_department')
      .on('insight_analyses')
      .columns(['department_id', 'created_at'])
      .execute()
  },
}
