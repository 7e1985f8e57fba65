import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { tags, type ApprovalRouteOptions } from './approval-routes-common.js'
import { IdParams } from './approval.schema.js'

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()])

/** 我的评价 The applicant's ratings of an application and the departments' answers. */
export const applicantRatingRoutes: FastifyPluginAsyncTypebox<ApprovalRouteOptions> = async (
  app,
  o,
) => {
  app.get(
    '/applications/:id/ratings',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags,
        summary: '我的评价与部门答复 My ratings of the cases and the departments’ answers',
        params: IdParams,
        response: {
          200: Type.Array(
            Type.Object({
              caseId: Type.String(),
              score: Type.Integer(),
              comment: Type.String(),
              defaulted: Type.Boolean(),
              ratedAt: Type.String(),
              workOrder: Type.Union([
                Type.Object({
                  status: Type.String(),
                  response: Nullable(Type.String()),
                  rectification: Nullable(Type.String()),
                  fixScore: Type.Union([Type.Integer(), Type.Null()]),
                }),
                Type.Null(),
              ]),
            }),
          ),
        },
      },
    },
    (req) => o.applicantRatings.ofApplication(o.actorOf(req), req.params.id),
  )
}
