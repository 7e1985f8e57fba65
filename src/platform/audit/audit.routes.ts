import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { Guard } from '../auth/guard.js'
import type { Actor } from '../auth/principal.js'
import { moduleDb, type RootDb } from '../db/database.js'
import type { AuditTrail } from './audit-trail.js'
import type { AuditTables } from './audit.tables.js'

const tags = ['audit 审计']
const RecordView = Type.Object({
  seq: Type.Integer(),
  id: Type.String(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorKind: Type.String(),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.String(),
  channel: Type.String(),
  requestId: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  hash: Type.String(),
})

export const auditRoutes: FastifyPluginAsyncTypebox<{
  db: RootDb
  audit: AuditTrail
  guard: Guard
  actorOf(request: FastifyRequest): Actor
}> = async (app, o) => {
  const db = moduleDb<AuditTables>(o.db)
  app.get(
    '/records',
    {
      config: { access: { action: 'audit.read' } },
      schema: {
        tags,
        summary: '审计记录 Audit records',
        querystring: Type.Object({
          subjectType: Type.Optional(Type.String({ maxLength: 64 })),
          subjectId: Type.Optional(Type.String({ maxLength: 64 })),
          action: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          actorId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          from: Type.Optional(
            Type.String({ format: 'date-time', description: '起始时间（含）from, inclusive' }),
          ),
          to: Type.Optional(
            Type.String({ format: 'date-time', description: '截止时间（不含）to, exclusive' }),
          ),
          afterSeq: Type.Optional(Type.Integer({ minimum: 0 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(RecordView),
            nextAfterSeq: Type.Union([Type.Integer(), Type.Null()]),
          }),
        },
      },
    },
    async (req) => {
      o.guard.require(o.actorOf(req), 'audit.read', {
        type: 'audit',
        id: 'trail',
        departmentId: null,
      })
      const limit = req.query.limit ?? 100
      // The listing shows the chain: records still waiting for the sealer are sealed first, so
      // nothing recent is missing (and the subject index covers sealed records only).
      await o.audit.seal()
      let q = db
        .selectFrom('platform_audit_records')
        .selectAll()
        .where('chain_pos', 'is not', null)
        .where('seq', '>', req.query.afterSeq ?? 0)
        .orderBy('seq')
        .limit(limit)
      if (req.query.subjectType) q = q.where('subject_type', '=', req.query.subjectType)
      if (req.query.subjectId) q = q.where('subject_id', '=', req.query.subjectId)
      if (req.query.action) q = q.where('action', '=', req.query.action)
      if (req.query.actorId) q = q.where('actor_id', '=', req.query.actorId)
      if (req.query.from) q = q.where('at', '>=', new Date(req.query.from).toISOString())
      if (req.query.to) q = q.where('at', '<', new Date(req.query.to).toISOString())
      const rows = await q.execute()
      const items = rows.map((r) => ({
        seq: Number(r.seq),
        id: r.id,
        at: r.at,
        actorId: r.actor_id,
        actorKind: r.actor_kind,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        channel: r.channel,
        requestId: r.request_id,
        hash: r.hash ?? '',
        before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
        after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
      }))
      return {
        items,
        nextAfterSeq: items.length === limit ? (items[items.length - 1]?.seq ?? null) : null,
      }
    },
  )
  app.post(
    '/verify',
    {
      config: { access: { action: 'audit.verify' } },
      schema: {
        tags,
        summary: '校验审计链 Verify the hash chain',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            firstBad: Type.Union([
              Type.Object({ reason: Type.String(), seq: Type.Integer(), id: Type.String() }),
              Type.Null(),
            ]),
          }),
        },
      },
    },
    async (req) => {
      const actor = o.actorOf(req)
      o.guard.require(actor, 'audit.verify', { type: 'audit', id: 'trail', departmentId: null })
      const result = await o.audit.verify()
      await o.db.transaction().execute((trx) =>
        o.audit.record(trx, actor, {
          action: 'audit.verified',
          subject: { type: 'audit', id: 'trail' },
          after: result,
        }),
      )
      return result
    },
  )
}
