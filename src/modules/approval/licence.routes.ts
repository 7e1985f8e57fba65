import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { tags, type ApprovalRouteOptions } from './approval-routes-common.js'
import { LicenceVerification, LicenceView } from './approval.schema.js'

/** 电子证照 Electronic licences. */
export const licenceRoutes: FastifyPluginAsyncTypebox<ApprovalRouteOptions> = async (app, o) => {
  app.get(
    '/licences/verify',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '电子证照核验（标识或二维码内容）Verify a licence by identifier or QR text',
        querystring: Type.Object({
          identifier: Type.Optional(Type.String({ maxLength: 80 })),
          qr: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 200: LicenceVerification },
      },
    },
    (req) => o.licences.verify(req.query),
  )
  app.post(
    '/licences/:identifier/end',
    {
      config: { access: { action: 'application.task.decide' } },
      schema: {
        tags,
        summary: '吊销 (revoke) 或注销 (cancel) 电子证照（发证部门）End a licence',
        params: Type.Object({ identifier: Type.String({ minLength: 1, maxLength: 80 }) }),
        body: Type.Object({
          how: Type.Union([Type.Literal('revoke'), Type.Literal('cancel')]),
          reason: Type.String({ minLength: 1, maxLength: 2000 }),
        }),
        response: { 200: LicenceView },
      },
    },
    (req) =>
      o.licences.endLicence(o.actorOf(req), req.params.identifier, req.body.how, req.body.reason),
  )
  app.get(
    '/licences',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags,
        summary: '我（或我代理的企业）持有的电子证照 Licences held',
        querystring: Type.Object({ enterpriseId: Type.Optional(Type.String({ maxLength: 80 })) }),
        response: { 200: Type.Array(LicenceView) },
      },
    },
    (req) => o.licences.listHeld(o.actorOf(req), req.query.enterpriseId),
  )
}
