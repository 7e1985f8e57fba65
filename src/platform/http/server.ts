import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Logger } from 'pino'
import { v7 as uuidv7 } from 'uuid'
import { DomainError } from '../errors.js'
import { negotiateLocale } from '../i18n/i18n.js'
import type { Principal } from '../auth/principal.js'
import { problemFor, problemFromDomain, type Problem } from './problem.js'
import { fieldErrorsFromAjv } from './validation-messages.js'
import { createValidatorCompiler } from './validator.js'
import type { Access } from './access.js'
import { registerIdempotency } from './idempotency.js'
import { securityHeaders } from './security-headers.js'
import type { RootDb } from '../db/database.js'
import type { Clock } from '../clock.js'

export interface HttpServerOptions {
  logger: Logger
  db: RootDb
  clock: Clock
  bodyLimit: number
  /** Resolves a bearer token to a caller; null when the token or its session is not valid. */
  resolvePrincipal(token: string): Promise<Principal | null>
  /** Coarse check at the door: may this caller perform the action in at least one scope? */
  mayPerform(principal: Principal, action: string): boolean
  version: string
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/

// A time-ordered id for this process plus a counter: unique across instances like a UUIDv7
// (which cost ~2.6 µs per request here) at the price of an increment.
const bootId = uuidv7()
let requestCounter = 0
const nextRequestId = () => `${bootId}-${(requestCounter++).toString(36)}`

export async function createHttpServer(options: HttpServerOptions) {
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: options.bodyLimit,
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : nextRequestId()
    },
    // Requests Node's HTTP parser refuses (a raw non-ASCII URL, a broken header) never reach a
    // route; they still get a problem+json answer.
    clientErrorHandler: (_error, socket) => {
      if (!socket.writable) return
      const body = JSON.stringify(problemFor('PLATFORM_BAD_REQUEST', 'zh-CN', 'none'))
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      )
    },
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.setValidatorCompiler(createValidatorCompiler())
  app.decorateRequest('principal', null)
  app.decorateRequest('locale', 'zh-CN')
  const publicRoutes: string[] = []
  app.addHook('onRoute', (route) => {
    // The docs UI plugin registers its own routes; they are public by this explicit rule.
    if (!route.config?.access && route.url.startsWith('/docs'))
      route.config = { ...route.config, access: 'public' }
    const access = route.config?.access
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} declares no access`)
    if (access === 'public') publicRoutes.push(`${String(route.method)} ${route.url}`)
  })
  const security = securityHeaders()
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(security)
    reply.header('x-request-id', request.id)
    request.locale = negotiateLocale(request.headers['accept-language'])
    await authenticate(request, options)
  })
  // The hooks need no type provider or logger type; the plain instance type is enough.
  registerIdempotency(app as unknown as FastifyInstance, { db: options.db, clock: options.clock })
  app.setErrorHandler((error, request, reply) => sendError(error as Error, request, reply))
  app.setNotFoundHandler((request, reply) => {
    void send(reply, problemFor('PLATFORM_NOT_FOUND', request.locale, request.id))
  })

  await app.register(rateLimit, { global: false })
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'tongban 通办 API',
        version: options.version,
        description: '一网通办 one-stop government services',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
  })
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list' },
  })
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () =>
    app.swagger(),
  )
  return Object.assign(app, { publicRoutes: () => [...publicRoutes] })
}

async function authenticate(request: FastifyRequest, options: HttpServerOptions): Promise<void> {
  const access: Access | undefined = request.routeOptions.config.access
  const header = request.headers.authorization
  if (header) {
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header)
    const principal = match?.[1] ? await options.resolvePrincipal(match[1]) : null
    if (!principal) throw new DomainError('PLATFORM_TOKEN_INVALID')
    request.principal = principal
  }
  if (access === undefined || access === 'public') return
  if (!request.principal) throw new DomainError('PLATFORM_UNAUTHENTICATED')
  if (access !== 'authenticated' && !options.mayPerform(request.principal, access.action)) {
    throw new DomainError('PLATFORM_FORBIDDEN')
  }
}

function sendError(
  error: FastifyError | DomainError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  return send(reply, toProblem(error, request))
}

function toProblem(error: FastifyError | DomainError | Error, request: FastifyRequest): Problem {
  const { locale, id } = request
  if (error instanceof DomainError) return problemFromDomain(error, locale, id)
  const fastifyError = error as FastifyError
  if (fastifyError.validation) {
    const part = fastifyError.validationContext ?? 'body'
    return problemFor(
      'PLATFORM_VALIDATION_FAILED',
      locale,
      id,
      undefined,
      fieldErrorsFromAjv(fastifyError.validation as never, part),
    )
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problemFor('PLATFORM_BODY_TOO_LARGE', locale, id)
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problemFor('PLATFORM_UNSUPPORTED_MEDIA_TYPE', locale, id)
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problemFor('PLATFORM_MALFORMED_JSON', locale, id)
  }
  if (fastifyError.statusCode === 400 && error instanceof SyntaxError) {
    return problemFor('PLATFORM_MALFORMED_JSON', locale, id)
  }
  if (fastifyError.statusCode === 429) return problemFor('PLATFORM_RATE_LIMITED', locale, id)
  request.log.error({ err: error }, 'unhandled error')
  return problemFor('PLATFORM_INTERNAL', locale, id)
}

function send(reply: FastifyReply, problem: Problem) {
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem)
}

export type HttpServer = Awaited<ReturnType<typeof createHttpServer>>
