import { existsSync, readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { DomainError } from '../errors.js'

// Shown when the web app has not been built (`npm run build`): the API still works.
const LANDING = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>通办 tongban</title>
<style>body{font:18px/1.6 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f1f1f}a{color:#0b57d0}</style>
</head><body>
<h1>通办 tongban</h1>
<p>平台运行中，网页端尚未构建（npm run build）。The platform is up; the web app is not built yet (npm run build).</p>
<p><a href="/docs">接口文档 API documentation (/docs)</a> · <a href="/openapi.json">OpenAPI</a></p>
</body></html>`

function filesUnder(root: string): Set<string> {
  const files = new Set<string>()
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files.add(relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
  }
  return files
}

/**
 * The web app at `/`: files of the build by exact name (hashed assets cached for a year), and
 * index.html for any other path that is not an API or a file, so the app's routes can be
 * bookmarked. Without a build, a landing page. The files are listed once at start.
 */
export const webAppRoutes: FastifyPluginAsyncTypebox<{ webDir: string }> = async (app, o) => {
  const built = existsSync(join(o.webDir, 'index.html'))
  const files = built ? filesUnder(o.webDir) : new Set<string>()
  // The build writes .br and .gz copies (src/cli/web-compress.ts); sent to clients that accept them.
  if (built)
    await app.register(fastifyStatic, { root: o.webDir, serve: false, preCompressed: true })

  const sendApp = (reply: FastifyReply) =>
    built
      ? reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false })
      : reply.type('text/html; charset=utf-8').send(LANDING)

  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, (_req, reply) =>
    sendApp(reply),
  )
  app.get<{ Params: { '*': string } }>(
    '/*',
    { config: { access: 'public' }, schema: { hide: true } },
    (req, reply) => {
      const path = req.params['*']
      if (files.has(path)) {
        return path.startsWith('assets/')
          ? reply.sendFile(path, { maxAge: '365d', immutable: true })
          : reply.sendFile(path, { maxAge: 0 })
      }
      // An unknown API path or file is a 404, not the app.
      if (path === 'api' || path.startsWith('api/') || /\.[A-Za-z0-9]+$/.test(path))
        throw new DomainError('PLATFORM_NOT_FOUND')
      return sendApp(reply)
    },
  )
}
