import type { ModuleMigration } from '../../../platform/db/migrator.js'

/** Each run names the job that works it, so a run whose job died can be told and failed. */
export const addGovernanceRunJobs: ModuleMigration = {
  name: '2026-12-03T0900-add-governance-run-jobs',
  async up(db) {
    for (const table of ['governance_check_runs', 'governance_dedup_runs']) {
      await db.schema.alterTable(table).addColumn('job_id', 'text').execute()
    }
  },
}
