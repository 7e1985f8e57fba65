import type { IncomingMessage, ServerResponse } from 'node:http'
import helmet from 'helmet'

/**
 * helmet's default security headers (CSP, HSTS, nosniff, frame and referrer policies…), computed
 * once. @fastify/helmet rebuilt the helmet middleware on every request, parsing the CSP
 * directives each time: 13 % of the server's CPU on a cached catalogue read. None of these
 * headers depends on the request, so helmet runs once at start-up against a response that only
 * records what is set, and every reply copies the result. Routes that need another policy (the
 * docs UI's CSP with its script hashes) set their own header later, which wins.
 */
export function securityHeaders(): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {}
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()]
    },
  }
  let failure: unknown
  helmet()({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error
  })
  if (failure !== undefined)
    throw failure instanceof Error ? failure : new Error('helmet refused its default options')
  return Object.freeze(headers)
}
