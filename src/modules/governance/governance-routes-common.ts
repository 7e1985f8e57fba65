import type { FastifyRequest } from 'fastify'
import type { Actor } from '../../platform/auth/principal.js'
import type { Alerts } from './alert.service.js'
import type { CheckRuns } from './check-run.service.js'
import type { ClusterReview } from './cluster-review.service.js'
import type { Datasets } from './dataset.service.js'
import type { DedupRuns } from './dedup-run.service.js'
import type { UploadStore } from './upload-store.js'

export interface GovernanceRouteOptions {
  datasets: Datasets
  checks: CheckRuns
  alerts: Alerts
  dedup: DedupRuns
  review: ClusterReview
  uploads: UploadStore
  actorOf(request: FastifyRequest): Actor
}

export const tags = ['governance 数据治理']

/** The options a sub-plugin is given: the services, without the parent's prefix. */
export const sharedOptions = (o: GovernanceRouteOptions): GovernanceRouteOptions => ({
  datasets: o.datasets,
  checks: o.checks,
  alerts: o.alerts,
  dedup: o.dedup,
  review: o.review,
  uploads: o.uploads,
  actorOf: (request) => o.actorOf(request),
})
