import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ping, type RootDb } from '../db/database.js'

export const healthRoutes: FastifyPluginAsyncTypebox<{
  db: RootDb
  isShuttingDown(): boolean
}> = async (app, o) => {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['ops 运维'],
        summary: 'Liveness',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    () => ({ status: 'ok' as const }),
  )
  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: { tags: ['ops 运维'], summary: 'Readiness: database reachable, not shutting down' },
    },
    async (_req, reply) => {
      if (o.isShuttingDown()) return reply.status(503).send({ status: 'shutting_down' })
      await ping(o.db)
      return { status: 'ready' }
    },
  )
}
