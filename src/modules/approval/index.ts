import type { FastifyRequest } from 'fastify'
import type { Actor } from '../../platform/auth/principal.js'
import type { FieldError } from '../../platform/errors.js'
import type { JobRunner } from '../../platform/jobs/job-runner.js'
import { compileProcess } from './engine/index.js'
import type { ApprovalDeps } from './approval.deps.js'
import './approval.errors.js'
import { approvalRoutes } from './approval.routes.js'
import { createApplicationAccess } from './application-access.js'
import { createApplicationClocks } from './application-clock.service.js'
import { createApplicationService } from './application.service.js'
import { createApplicationViews } from './application-views.js'
import { createCorrectionService } from './correction.service.js'
import { createFormChecker } from './form-merge.js'
import { createBackgroundWork, type ServiceHandler } from './background.service.js'
import { createCaseSessions, RATING_DEFAULT_JOB, SERVICE_JOB, TIMER_JOB } from './case-session.js'
import { createMaterialService } from './material.service.js'
import { createRatingService } from './rating.service.js'
import { createDashboard } from './dashboard.service.js'
import { createSlaWatch, SLA_SCAN_JOB } from './sla-watch.service.js'
import { createLicenceService } from './licence.service.js'
import { createCaseAdminService } from './case-admin.service.js'
import { createCopyService } from './copy.service.js'
import { createTaskSteps } from './task-steps.js'
import { createTaskService } from './task.service.js'
import { createSubmissionService } from './submission.service.js'
import { createProcessModels } from './process-models.js'
import { createEventLogReader } from './event-log.service.js'
import { createApprovalTables } from './migrations/2026-11-29T1600-create-approval-tables.js'
import { createApprovalRatings } from './migrations/2026-11-29T1700-create-approval-ratings.js'
import { createApprovalMaterials } from './migrations/2026-11-29T1800-create-approval-materials.js'
import { createApprovalSharedData } from './migrations/2026-11-29T2100-create-approval-shared-data.js'
import { createApprovalCopies } from './migrations/2026-11-29T1810-create-approval-copies.js'
import { createApprovalDrafts } from './migrations/2026-12-05T0900-create-approval-drafts.js'
import { createDraftService } from './draft.service.js'
import { createApplicantRatings } from './applicant-rating.service.js'

export type { ApprovalDeps, CatalogPort, PartyDirectory } from './approval.deps.js'
export type { ServiceHandler } from './background.service.js'
/** The action log read as process-mining events (for the insight module). */
export type {
  ApprovalEventLogReader,
  ApprovalLogEntry,
  ApprovalLogPage,
} from './event-log.service.js'
/** The engine's check of a BPMN document: [] when it can run it, else the problems. */
export async function checkRunnableProcess(xml: string): Promise<FieldError[]> {
  const compiled = await compileProcess(xml)
  return compiled.ok ? [] : compiled.errors
}
/** Derives the installation's SM2 licence-signing key from seed material. */
export { signingKeyFromSeed } from './licence-key.js'

/** This module's tables, in order. */
export const approvalMigrations = [
  createApprovalTables,
  createApprovalRatings,
  createApprovalMaterials,
  createApprovalCopies,
  createApprovalSharedData,
  createApprovalDrafts,
]

/** Builds the approval context: applications, cases, the durable engine, staff queues. */
export function createApprovalModule(deps: ApprovalDeps) {
  const models = createProcessModels(deps.catalog)
  const sessions = createCaseSessions(deps, (row, within) =>
    models(row.item_id, row.item_version, within),
  )
  const views = createApplicationViews()
  const background = createBackgroundWork(deps, sessions, views)
  // One checker: a bundle's compiled form serves submissions and resubmissions alike.
  const checkForm = createFormChecker()
  const submissions = createSubmissionService(deps, sessions, checkForm)
  const access = createApplicationAccess(deps, views)
  const applications = {
    ...createApplicationService(deps, sessions, access, views),
    ...createApplicationClocks(deps, access),
    ...createCorrectionService(deps, sessions, access, checkForm),
  }
  const steps = createTaskSteps(deps, sessions, views)
  const tasks = {
    ...createTaskService(deps, sessions, steps),
    ...createCaseAdminService(deps, sessions, steps),
    ...createCopyService(deps, sessions, steps),
  }
  const licences = createLicenceService(deps, sessions)
  const ratings = createRatingService(deps)
  const materials = createMaterialService(deps, sessions)
  const drafts = createDraftService(deps)
  const applicantRatings = createApplicantRatings(deps)
  const slaWatch = createSlaWatch(deps, deps.slaScanIntervalMs, deps.slaScanPageSize)
  const dashboard = createDashboard(deps, slaWatch)
  background.registerHandler('issue-licence', licences.issue)
  return {
    submissions,
    applications,
    tasks,
    licences,
    ratings,
    materials,
    slaWatch,
    /** Every recorded action as a process-mining event, a page at a time, in write order. */
    eventLog: createEventLogReader(deps),
    /** Internal handlers for service-task topics (licence issuing, demo hand-offs). */
    registerServiceHandler: (topic: string, handler: ServiceHandler) =>
      background.registerHandler(topic, handler),
    /** Registers the engine's background jobs (service tasks, timers) with the runner. */
    registerJobs(runner: JobRunner): void {
      runner.register(SERVICE_JOB, background.runService)
      runner.register(TIMER_JOB, background.fireTimer)
      runner.register(RATING_DEFAULT_JOB, (ctx) => ratings.defaultRating(ctx))
      runner.register(SLA_SCAN_JOB, (ctx) => slaWatch.scan(ctx))
    },
    routes: (actorOf: (request: FastifyRequest) => Actor) => ({
      plugin: approvalRoutes,
      options: {
        submissions,
        applications,
        tasks,
        licences,
        ratings,
        materials,
        drafts,
        applicantRatings,
        slaWatch,
        dashboard,
        actorOf,
      },
    }),
  }
}

export type ApprovalModule = ReturnType<typeof createApprovalModule>
