import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ping, type RootDb } from '../db/database.js'

const LANDING = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>通办 tongban</title>
<style>body{font:18px/1.6 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f1f1f}a{color:#0b57d0}</style>
</head><body>
<h1>通办 tongban</h1>
<p>平台运行中。The platform is up.</p>
<p><a href="/docs">接口文档 API documentation (/docs)</a> · <a href="/openapi.json">OpenAPI</a></p>
</body></html>`

export const healthRoutes: FastifyPluginAsyncTypebox<{
  db: RootDb
  isShuttingDown(): boolean
}> = async (app, o) => {
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(LANDING),
  )
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
