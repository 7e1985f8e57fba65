import createClient from 'openapi-fetch'
import { currentLocale } from '../i18n/i18n'
import { getSession, setSession } from '../auth/session'
import type { paths } from './schema'

/** An RFC 9457 problem as the server sends it (messages in both languages). */
export interface Problem {
  status: number
  code: string
  title?: string
  detail?: string
  messages?: { zh: string; en: string }
  errors?: Array<{ pointer: string; code: string; message: { zh: string; en: string } }>
}

let refreshing: Promise<boolean> | null = null

/** Rotates the refresh token once for all requests that found the access token expired. */
async function refresh(): Promise<boolean> {
  const session = getSession()
  if (!session) return false
  const res = await fetch('/api/v1/auth/refresh', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken: session.refreshToken }),
  })
  if (!res.ok) {
    setSession(null)
    return false
  }
  const tokens = (await res.json()) as { accessToken: string; refreshToken: string }
  setSession({ ...session, ...tokens })
  return true
}

function withAuth(request: Request): Request {
  const r = request.clone()
  const session = getSession()
  if (session) r.headers.set('authorization', `Bearer ${session.accessToken}`)
  r.headers.set('accept-language', currentLocale())
  r.headers.set('x-tongban-channel', 'web')
  return r
}

/** fetch with the caller's token; an expired token is refreshed once and the request retried. */
async function authFetch(request: Request): Promise<Response> {
  const retry = request.clone()
  const res = await fetch(withAuth(request))
  if (res.status !== 401 || !getSession()) return res
  refreshing ??= refresh().finally(() => (refreshing = null))
  return (await refreshing) ? fetch(withAuth(retry)) : res
}

/** The typed API client: paths, parameters and bodies come from the server's OpenAPI document. */
export const api = createClient<paths>({ fetch: authFetch })

/** The problem of a failed call as an Error, so TanStack Query and forms can show it. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code)
  }
}

/** Unwraps an openapi-fetch result: the data, or an ApiError carrying the problem. */
export function orThrow<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    const problem = (result.error ?? {}) as Partial<Problem>
    throw new ApiError({ status: result.response.status, code: 'UNKNOWN', ...problem })
  }
  return result.data
}
