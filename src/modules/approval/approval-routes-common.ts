import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { Actor } from '../../platform/auth/principal.js'
import type { ApplicationClocks } from './application-clock.service.js'
import type { ApplicationService } from './application.service.js'
import type { CorrectionService } from './correction.service.js'
import type { DraftService } from './draft.service.js'
import type { ApplicantRatings } from './applicant-rating.service.js'
import type { LicenceService } from './licence.service.js'
import type { MaterialService } from './material.service.js'
import type { RatingService } from './rating.service.js'
import type { Dashboard } from './dashboard.service.js'
import type { SlaWatch } from './sla-watch.service.js'
import type { SubmissionService } from './submission.service.js'
import type { CaseAdminService } from './case-admin.service.js'
import type { CopyService } from './copy.service.js'
import type { TaskService } from './task.service.js'

/** What every approval route file receives from the module. */
export interface ApprovalRouteOptions {
  submissions: SubmissionService
  applications: ApplicationService & ApplicationClocks & CorrectionService
  /** Task handling, case administration and copies, one surface for the routes. */
  tasks: TaskService & CaseAdminService & CopyService
  licences: LicenceService
  ratings: RatingService
  materials: MaterialService
  drafts: DraftService
  applicantRatings: ApplicantRatings
  slaWatch: SlaWatch
  dashboard: Dashboard
  actorOf(request: FastifyRequest): Actor
}

export const tags = ['approval 办件']
export const Page = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
})
