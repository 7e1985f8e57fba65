import type { FastifyRequest } from 'fastify'
import type { Actor } from '../../platform/auth/principal.js'
import type { JobRunner } from '../../platform/jobs/job-runner.js'
import { createAlerts } from './alert.service.js'
import { createCheckJob } from './check-job.js'
import { createCheckRuns } from './check-run.service.js'
import { createClusterReview } from './cluster-review.service.js'
import { createDatasetAccess } from './dataset-access.js'
import { createDatasets } from './dataset.service.js'
import { createDedupJob } from './dedup-job.js'
import { createDedupRuns } from './dedup-run.service.js'
import type { GovernanceDeps } from './governance.deps.js'
import './governance.errors.js'
import { governanceRoutes } from './governance.routes.js'
import { CHECK_JOB, DEDUP_JOB } from './run-jobs.js'
import { createRunSettler } from './run-settle.js'
import { createUploadStore } from './upload-store.js'
import { createUpkeep, UPKEEP_JOB } from './upkeep.js'

/** Builds the governance context: datasets, quality checks, alerts, duplicates and reviews. */
export function createGovernanceModule(deps: GovernanceDeps) {
  const uploads = createUploadStore({
    dataDir: deps.dataDir,
    maxBytes: deps.maxUploadBytes,
    keys: deps.uploadKeys,
    clock: deps.clock,
  })
  const upkeep = createUpkeep(deps, uploads, createRunSettler(deps))
  const access = createDatasetAccess(deps)
  const datasets = createDatasets(deps, access)
  const checks = createCheckRuns(deps, access, uploads)
  const alerts = createAlerts(deps, access)
  const dedup = createDedupRuns(deps, access)
  const review = createClusterReview(deps, access)
  return {
    datasets,
    checks,
    alerts,
    dedup,
    review,
    uploads,
    /** Hourly: stalled runs failed, uploads past their retention deleted (`start()` queues it). */
    upkeep,
    registerJobs(runner: JobRunner) {
      runner.registerPrepared(CHECK_JOB, createCheckJob(deps, uploads))
      runner.registerPrepared(DEDUP_JOB, createDedupJob(deps, uploads))
      runner.registerPrepared(UPKEEP_JOB, upkeep.job)
    },
    routes: (actorOf: (request: FastifyRequest) => Actor) => ({
      plugin: governanceRoutes,
      options: { datasets, checks, alerts, dedup, review, uploads, actorOf },
    }),
  }
}

export type GovernanceModule = ReturnType<typeof createGovernanceModule>
