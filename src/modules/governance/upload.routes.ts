import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { DomainError, fieldError } from '../../platform/errors.js'
import type { GovernanceRouteOptions } from './governance-routes-common.js'
import { tags } from './governance-routes-common.js'
import { CheckRunSummary, CodeParams } from './governance.schema.js'
import { FILE_MESSAGES } from './input/index.js'
import { ReceivedFile } from './upload-store.js'

const EMPTY = FILE_MESSAGES.GOVERNANCE_INPUT_EMPTY

function safeDecode(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value
  if (raw === undefined) return undefined
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/**
 * File uploads. The body is the file itself, whatever its declared type: it is streamed to disk
 * under its SM3 hash and recognised by its content (CSV, XLSX, JSON lines), never by its label.
 */
export const uploadRoutes: FastifyPluginAsyncTypebox<GovernanceRouteOptions> = async (app, o) => {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', (req, payload, done) => {
    const length = Number(req.headers['content-length'])
    o.uploads.receive(payload, Number.isFinite(length) ? length : undefined).then(
      (file) => done(null, file),
      (error: unknown) => done(error as Error),
    )
  })
  // A file the handler never saw (a refused request) is removed from the temporary place too.
  app.addHook('onResponse', async (req) => {
    if (req.body instanceof ReceivedFile) await o.uploads.discard(req.body)
  })
  app.post(
    '/datasets/:code/check-runs',
    {
      config: { access: { action: 'governance.check.run' } },
      schema: {
        tags,
        summary:
          '上传数据文件并排队检查（CSV/XLSX/JSON 行，按内容识别）Upload a file to check (202: queued)',
        params: CodeParams,
        headers: Type.Object({
          'x-file-name': Type.Optional(
            Type.String({ maxLength: 600, description: 'URL-encoded file name' }),
          ),
        }),
        response: { 202: CheckRunSummary },
      },
    },
    async (req, reply) => {
      if (!(req.body instanceof ReceivedFile))
        throw new DomainError('GOVERNANCE_FILE_REFUSED', { reason: EMPTY.en, reasonZh: EMPTY.zh }, [
          fieldError('/file', 'GOVERNANCE_INPUT_EMPTY', EMPTY),
        ])
      const file = req.body
      const fileName = safeDecode(req.headers['x-file-name'])
      try {
        const run = await o.checks.start(o.actorOf(req), req.params.code, {
          file,
          ...(fileName === undefined ? {} : { fileName }),
        })
        return await reply.status(202).send(run)
      } finally {
        await o.uploads.discard(file)
      }
    },
  )
}
