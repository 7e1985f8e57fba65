import type { Actor } from '../../platform/auth/principal.js'
import { DomainError } from '../../platform/errors.js'
import { approvalDb, type ApprovalDeps } from './approval.deps.js'
import { approvalStore } from './approval.store.js'

/** 好差评 as the applicant sees it: their ratings of an application's cases and the answers. */
export function createApplicantRatings(deps: ApprovalDeps) {
  const db = approvalDb(deps)
  return {
    async ofApplication(actor: Actor, idOrNumber: string) {
      const application = await approvalStore.findApplication(db, idOrNumber)
      if (!application) throw new DomainError('APPROVAL_APPLICATION_NOT_FOUND')
      deps.guard.require(actor, 'application.read', {
        type: 'application',
        id: application.id,
        ownerId: application.applicant_id,
      })
      if (application.applicant_id !== actor.principal?.id)
        throw new DomainError('APPROVAL_APPLICATION_NOT_FOUND')
      const ratings = await db
        .selectFrom('approval_ratings')
        .selectAll()
        .where('application_id', '=', application.id)
        .orderBy('created_at')
        .execute()
      const orders =
        ratings.length === 0
          ? []
          : await db
              .selectFrom('approval_work_orders')
              .selectAll()
              .where(
                'rating_id',
                'in',
                ratings.map((r) => r.id),
              )
              .execute()
      return ratings.map((r) => {
        const order = orders.find((o) => o.rating_id === r.id)
        return {
          caseId: r.case_id,
          score: r.score,
          comment: r.comment,
          defaulted: r.defaulted === 1,
          ratedAt: r.created_at,
          workOrder: order
            ? {
                status: order.status,
                response: order.response,
                rectification: order.rectification,
                fixScore: order.fix_score,
              }
            : null,
        }
      })
    },
  }
}

export type ApplicantRatings = ReturnType<typeof createApplicantRatings>
