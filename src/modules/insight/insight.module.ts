import type { FastifyRequest } from 'fastify'
import type { Actor } from '../../platform/auth/principal.js'
import type { JobRunner } from '../../platform/jobs/job-runner.js'
import { createUploadStore } from '../governance/index.js'
import { createAnalysisJob } from './analysis-job.js'
import { ANALYSIS_JOB, createAnalyses } from './analysis.service.js'
import { createHistoryExport } from './history-export.service.js'
import { createInsightUpkeep, INSIGHT_UPKEEP_JOB } from './insight-upkeep.js'
import type { InsightDeps } from './insight.deps.js'
import './insight.errors.js'
import { insightRoutes } from './insight.routes.js'
import { createLogUploads } from './log-upload.service.js'

/** Builds the insight context's stored half: uploaded logs, analyses as jobs, history export. */
export function createInsightModule(deps: InsightDeps) {
  const uploads = createUploadStore({
    dataDir: deps.dataDir,
    area: 'insight',
    maxBytes: deps.maxUploadBytes,
    keys: deps.uploadKeys,
    clock: deps.clock,
  })
  const logs = createLogUploads(deps, uploads)
  const analyses = createAnalyses(deps)
  const history = createHistoryExport(deps)
  const upkeep = createInsightUpkeep(deps, uploads)
  return {
    logs,
    analyses,
    history,
    uploads,
    /** Hourly: uploaded logs past their retention deleted (`start()` queues it). */
    upkeep,
    registerJobs(runner: JobRunner) {
      runner.registerPrepared(ANALYSIS_JOB, createAnalysisJob(deps, uploads))
      runner.registerPrepared(INSIGHT_UPKEEP_JOB, upkeep.job)
    },
    routes: (actorOf: (request: FastifyRequest) => Actor) => ({
      plugin: insightRoutes,
      options: { logs, analyses, history, uploads, actorOf },
    }),
  }
}

export type InsightModule = ReturnType<typeof createInsightModule>
