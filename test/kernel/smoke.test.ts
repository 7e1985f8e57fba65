import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'

describe.each(testDialects())('boot from an empty database (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
  })
  afterAll(() => t.dispose())

  it('answers liveness and readiness', async () => {
    expect((await t.app.http.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' })
    expect((await t.app.http.inject({ url: '/readyz' })).statusCode).toBe(200)
  })

  it('serves a landing page that links the docs', async () => {
    const res = await t.app.http.inject({ url: '/' })
    expect(res.headers['content-type']).toContain('text/html')
    expect(res.body).toContain('/docs')
  })

  it('publishes an OpenAPI document covering the module routes', async () => {
    const doc = (await t.app.http.inject({ url: '/openapi.json' })).json()
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/persons',
        '/api/v1/catalog/items/{id}',
        '/api/v1/calendar/add-working-days',
      ]),
    )
    expect((await t.app.http.inject({ url: '/docs' })).statusCode).toBeLessThan(400)
  })

  it('sends the security headers on every answer, errors included', async () => {
    for (const url of ['/healthz', '/api/v1/no-such-route', '/openapi.json']) {
      const { headers } = await t.app.http.inject({ url })
      expect(headers['content-security-policy']).toContain("default-src 'self'")
      expect(headers['x-content-type-options']).toBe('nosniff')
      expect(headers['strict-transport-security']).toContain('max-age=')
      expect(headers['x-frame-options']).toBe('SAMEORIGIN')
      expect(headers['referrer-policy']).toBe('no-referrer')
    }
  })

  it('lets the docs UI set its own content policy over the default one', async () => {
    const page = await t.app.http.inject({ url: '/docs/' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-security-policy']).toContain('validator.swagger.io')
  })

  it('keeps the list of unauthenticated routes explicit', () => {
    expect(t.app.http.publicRoutes().sort()).toMatchSnapshot()
  })
})
