import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { sm3Hex } from '../crypto/index.js'
import type { Clock } from '../clock.js'
import { moduleDb, isUniqueViolation, type RootDb } from '../db/database.js'
import { DomainError } from '../errors.js'

interface IdempotencyTables {
  platform_idempotency_keys: {
    key: string
    scope: string
    request_hash: string
    status: number
    response_json: string
    created_at: string
  }
}

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { key: string; scope: string; hash: string } | null
  }
}

/**
 * `Idempotency-Key` on creating requests: the first successful answer is kept and replayed to
 * any retry with the same key and body, so a retried registration never creates a second one.
 */
export function registerIdempotency(
  app: FastifyInstance,
  deps: { db: RootDb; clock: Clock },
): void {
  const db = moduleDb<IdempotencyTables>(deps.db)
  app.decorateRequest('idempotency', null)
  const before = async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key']
    if (typeof key !== 'string') return
    if (!KEY.test(key))
      throw new DomainError('PLATFORM_VALIDATION_FAILED', {}, [
        {
          pointer: '/headers/idempotency-key',
          code: 'pattern',
          message: {
            zh: '幂等键须为 8–128 位字母、数字或 _.:-',
            en: 'must be 8–128 letters, digits or _.:-',
          },
        },
      ])
    const scope = `${request.principal?.id ?? 'anonymous'} ${request.routeOptions.url ?? request.url}`
    const hash = sm3Hex(JSON.stringify(request.body ?? null))
    const stored = await db
      .selectFrom('platform_idempotency_keys')
      .selectAll()
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst()
    if (stored && stored.request_hash !== hash)
      throw new DomainError('PLATFORM_IDEMPOTENCY_MISMATCH')
    if (stored) {
      await reply
        .status(stored.status)
        .header('idempotent-replayed', 'true')
        .type('application/json; charset=utf-8')
        .send(stored.response_json)
      return reply
    }
    request.idempotency = { key, scope, hash }
  }
  const after = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const pending = request.idempotency
    if (!pending || reply.statusCode >= 300 || typeof payload !== 'string') return payload
    try {
      await db
        .insertInto('platform_idempotency_keys')
        .values({
          key: pending.key,
          scope: pending.scope,
          request_hash: pending.hash,
          status: reply.statusCode,
          response_json: payload,
          created_at: deps.clock.now().toISOString(),
        })
        .execute()
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
    }
    return payload
  }
  // Only creating (POST) routes carry the hooks, so reads pay nothing for them.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    if (!methods.includes('POST')) return
    route.preHandler = [...toArray(route.preHandler), before]
    route.onSend = [...toArray(route.onSend), after]
  })
}

function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return []
  return Array.isArray(value) ? value : [value]
}
