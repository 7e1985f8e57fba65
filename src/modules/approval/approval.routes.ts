import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { applicationRoutes } from './application.routes.js'
import type { ApprovalRouteOptions } from './approval-routes-common.js'
import { caseAdminRoutes } from './case-admin.routes.js'
import { dashboardRoutes } from './dashboard.routes.js'
import { draftRoutes } from './draft.routes.js'
import { applicantRatingRoutes } from './applicant-rating.routes.js'
import { licenceRoutes } from './licence.routes.js'
import { materialRoutes } from './material.routes.js'
import { ratingRoutes } from './rating.routes.js'
import { taskRoutes } from './task.routes.js'

export type { ApprovalRouteOptions } from './approval-routes-common.js'

/** The approval module's routes, one file per topic, under the module's prefix. */
export const approvalRoutes: FastifyPluginAsyncTypebox<ApprovalRouteOptions> = async (app, o) => {
  // The module's prefix is already on `app`; the topic files add none of their own.
  const options: ApprovalRouteOptions = {
    submissions: o.submissions,
    applications: o.applications,
    tasks: o.tasks,
    licences: o.licences,
    ratings: o.ratings,
    materials: o.materials,
    drafts: o.drafts,
    applicantRatings: o.applicantRatings,
    slaWatch: o.slaWatch,
    dashboard: o.dashboard,
    actorOf: (request) => o.actorOf(request),
  }
  for (const routes of [
    applicationRoutes,
    taskRoutes,
    caseAdminRoutes,
    licenceRoutes,
    materialRoutes,
    ratingRoutes,
    draftRoutes,
    applicantRatingRoutes,
    dashboardRoutes,
  ])
    await app.register(routes, options)
}
