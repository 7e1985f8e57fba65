/** 数据治理 Data governance: standards, quality checks, duplicates and anomalies of datasets. */

// The module: datasets, check runs (job governance.check), score trends, quality-drop alerts,
// dedup runs (job governance.dedup) with clusters and kept review decisions, HTTP under /governance.
export { createGovernanceModule } from './governance.module.js'
export type { GovernanceModule } from './governance.module.js'
export type { GovernanceDeps, GovernanceDepartments } from './governance.deps.js'
// CHECK_JOB / DEDUP_JOB: the job kinds the module registers.
export { CHECK_JOB, DEDUP_JOB } from './run-jobs.js'
// UPKEEP_JOB: the hourly job settling stalled runs and deleting uploads past their retention.
export { UPKEEP_JOB } from './upkeep.js'
// deriveUploadKeys(secret) → the SM4 and HMAC-SM3 keys uploads are encrypted with at rest.
export { deriveUploadKeys } from './upload-crypto.js'
// createUploadStore({ dataDir, area, … }): streamed, SM3-named, encrypted-at-rest uploads, for any
// module receiving files (the insight module keeps event logs in its own area).
export { createUploadStore, ReceivedFile } from './upload-store.js'
export type { UploadStore, OpenedUpload } from './upload-store.js'
export type { UploadKeys } from './upload-crypto.js'

import { createGovernanceTables } from './migrations/2026-12-01T0900-create-governance-tables.js'
import { addGovernanceRunJobs } from './migrations/2026-12-03T0900-add-governance-run-jobs.js'
import { createGovernanceOutliers } from './migrations/2026-12-03T1000-create-governance-outliers.js'
/** This module's tables, in order. */
export const governanceMigrations = [
  createGovernanceTables,
  addGovernanceRunJobs,
  createGovernanceOutliers,
]
