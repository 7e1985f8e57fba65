import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { DomainError, fieldError } from '../../platform/errors.js'
import { message } from '../../platform/i18n/i18n.js'
import { ReceivedFile } from '../governance/index.js'
import type { InsightRouteOptions } from './insight.routes.js'
import { LogUploadQuery, LogView } from './insight.schema.js'

const EMPTY = { zh: '没有收到文件', en: 'No file was received' }

function safeDecode(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value
  if (raw === undefined) return undefined
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** The shared upload store refuses in governance's words; an event log is refused in ours. */
function ownError(error: unknown): Error {
  if (error instanceof DomainError && error.code === 'GOVERNANCE_FILE_TOO_LARGE')
    return new DomainError('INSIGHT_LOG_TOO_LARGE', error.params, [
      fieldError(
        '/file',
        'INSIGHT_LOG_TOO_LARGE',
        message('error.INSIGHT_LOG_TOO_LARGE', error.params),
      ),
    ])
  return error as Error
}

/**
 * Event-log uploads: the body is the file itself (XES, gzipped or not, or CSV with the column
 * mapping in the query), streamed encrypted to disk under its SM3 hash and recognised by content.
 */
export const insightUploadRoutes: FastifyPluginAsyncTypebox<InsightRouteOptions> = async (
  app,
  o,
) => {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', (req, payload, done) => {
    const length = Number(req.headers['content-length'])
    o.uploads.receive(payload, Number.isFinite(length) ? length : undefined).then(
      (file) => done(null, file),
      (error: unknown) => done(ownError(error)),
    )
  })
  // A file the handler did not keep (a refused request) is removed from the temporary place.
  app.addHook('onResponse', async (req) => {
    if (req.body instanceof ReceivedFile) await o.uploads.discard(req.body)
  })
  app.post(
    '/logs',
    {
      config: { access: { action: 'insight.analysis.run' } },
      schema: {
        tags: o.tags,
        summary:
          '上传事件日志（XES、XES.gz，或按列映射的 CSV；按内容识别）Upload an event log (XES or CSV with a column mapping)',
        querystring: LogUploadQuery,
        headers: Type.Object({
          'x-file-name': Type.Optional(
            Type.String({ maxLength: 600, description: 'URL-encoded file name' }),
          ),
        }),
        response: { 201: LogView },
      },
    },
    async (req, reply) => {
      if (!(req.body instanceof ReceivedFile))
        throw new DomainError('INSIGHT_LOG_REFUSED', { reason: EMPTY.en, reasonZh: EMPTY.zh }, [
          fieldError('/file', 'INSIGHT_LOG_EMPTY', EMPTY),
        ])
      const file = req.body
      try {
        const view = await o.logs.upload(
          o.actorOf(req),
          file,
          req.query,
          safeDecode(req.headers['x-file-name']),
        )
        return await reply.status(201).send(view)
      } finally {
        await o.uploads.discard(file)
      }
    },
  )
}
