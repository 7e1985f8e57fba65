import type { FastifyRequest } from 'fastify'
import type { Actor } from '../../platform/auth/principal.js'
import type { JobRunner } from '../../platform/jobs/job-runner.js'
import { createUploadStore } from '../governance/index.js'
import { createAnalysisJob } from './analysis-job.js'
import { ANALYSIS_JOB, createAnalyses } from './analysis.service.js'
import { createHistoryExport } from './history-export.service.js'
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
  return {
    logs,
    analyses,
    history,
    uploads,
    registerJobs(runner: JobRunner) {
      runner.registerPrepared(ANALYSIS_JOB, createAnalysisJob(deps, uploads))
    },
    routes: (actorOf: (request: FastifyRequest) => Actor) => ({
      plugin: insightRoutes,
      options: { logs, analyses, history, uploads, actorOf },
    }),
  }
}

export type InsightModule = ReturnType<typeof createInsightModule>
