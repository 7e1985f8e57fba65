import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { tags, type ApprovalRouteOptions } from './approval-routes-common.js'
import { IdParams } from './approval.schema.js'
import { MATERIAL_TYPES, MAX_MATERIAL_BYTES } from './material.service.js'

/** 材料与免提交 Materials and licence reuse. */
export const materialRoutes: FastifyPluginAsyncTypebox<ApprovalRouteOptions> = async (app, o) => {
  // Uploads arrive as the file itself (PDF, PNG, JPEG), checked again by content in the service.
  app.addContentTypeParser(
    MATERIAL_TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_MATERIAL_BYTES + 1 },
    (_req, body, done) => done(null, body),
  )
  app.post(
    '/materials',
    {
      config: { access: 'authenticated' },
      bodyLimit: MAX_MATERIAL_BYTES + 1,
      schema: {
        tags,
        summary: '上传材料（PDF/PNG/JPEG，≤ 10 MB，按内容哈希存储）Upload a material',
        headers: Type.Object({
          'x-file-name': Type.String({
            minLength: 1,
            maxLength: 300,
            description: 'URL-encoded file name',
          }),
        }),
        response: {
          201: Type.Object({
            id: Type.String(),
            hash: Type.String(),
            fileName: Type.String(),
            mediaType: Type.String(),
            size: Type.Integer(),
          }),
        },
      },
    },
    async (req, reply) => {
      const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
      const stored = await o.materials.upload(o.actorOf(req), {
        fileName: safeDecode(req.headers['x-file-name']),
        declaredType:
          String(req.headers['content-type'] ?? '')
            .split(';')[0]
            ?.trim() ?? '',
        content,
      })
      return reply.status(201).send(stored)
    },
  )
  app.post(
    '/applications/:id/materials',
    {
      config: { access: { action: 'application.submit' } },
      schema: {
        tags,
        summary:
          '提交材料，或以已有电子证照代替（免提交，须说明理由）Attach a material or a held licence',
        params: IdParams,
        body: Type.Object({
          item: Type.Optional(Type.String({ maxLength: 80 })),
          code: Type.String({ minLength: 1, maxLength: 64 }),
          materialId: Type.Optional(Type.String({ maxLength: 80 })),
          licence: Type.Optional(
            Type.Object({
              identifier: Type.String({ maxLength: 80 }),
              reason: Type.String({ maxLength: 500 }),
            }),
          ),
        }),
        response: {
          201: Type.Object({
            id: Type.String(),
            caseId: Type.String(),
            code: Type.String(),
            via: Type.String(),
          }),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await o.materials.attach(o.actorOf(req), req.params.id, req.body)),
  )
  app.get(
    '/applications/:id/materials',
    {
      config: { access: { action: 'application.submit' } },
      schema: {
        tags,
        summary: '材料清单：所需材料、已交材料、可代替的已有证照 Materials checklist',
        params: IdParams,
        response: { 200: Type.Array(Type.Record(Type.String(), Type.Unknown())) },
      },
    },
    (req) => o.materials.checklist(o.actorOf(req), req.params.id),
  )
}

function safeDecode(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? (value[0] ?? '') : (value ?? '')
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
