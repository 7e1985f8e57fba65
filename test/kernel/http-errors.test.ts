import { connect, type AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { countRows, WRITE_TABLES } from '../support/counts.js'
import { testDialects } from '../support/databases.js'

const VALID_PERSON = {
  name: '王小明',
  idNumber: '11010519491231002X',
  phone: '13800000099',
  password: 'Passw0rd!',
}

describe.each(testDialects())('bad input over HTTP (%s)', (dialect) => {
  let t: TestApp
  let before: Record<string, number>
  beforeAll(async () => {
    t = await createTestApp({ dialect, env: { TONGBAN_BODY_LIMIT_BYTES: '4096' } })
    before = await countRows(t.app.database.db, WRITE_TABLES)
  })
  afterAll(() => t.dispose())

  const post = (
    payload: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ) => t.app.http.inject({ method: 'POST', url: '/api/v1/persons', payload, headers })

  function expectProblem(res: Awaited<ReturnType<typeof post>>, status: number, code: string) {
    expect(res.statusCode).toBe(status)
    expect(res.headers['content-type']).toContain('application/problem+json')
    const body = res.json()
    expect(body).toMatchObject({
      status,
      code,
      type: expect.stringContaining('urn:tongban:problem:'),
    })
    expect(body.messages.zh.length).toBeGreaterThan(0)
    expect(body.messages.en.length).toBeGreaterThan(0)
    expect(body.requestId).toBe(res.headers['x-request-id'])
    return body as {
      errors: Array<{ pointer: string; code: string; message: { zh: string; en: string } }>
      detail: string
    }
  }

  it('answers malformed JSON with PLATFORM_MALFORMED_JSON', async () => {
    expectProblem(await post('{"name": "王'), 400, 'PLATFORM_MALFORMED_JSON')
  })

  it('names every missing field with a JSON pointer', async () => {
    const body = expectProblem(await post('{}'), 400, 'PLATFORM_VALIDATION_FAILED')
    expect(body.errors.map((e) => e.pointer).sort()).toEqual([
      '/idNumber',
      '/name',
      '/password',
      '/phone',
    ])
    expect(body.errors.every((e) => e.code === 'required')).toBe(true)
  })

  it('refuses a wrong type instead of coercing it', async () => {
    const body = expectProblem(
      await post(JSON.stringify({ ...VALID_PERSON, phone: 13800000099 })),
      400,
      'PLATFORM_VALIDATION_FAILED',
    )
    expect(body.errors).toEqual([expect.objectContaining({ pointer: '/phone', code: 'type' })])
  })

  it('answers an oversize body with 413', async () => {
    expectProblem(
      await post(JSON.stringify({ ...VALID_PERSON, name: '张'.repeat(5000) })),
      413,
      'PLATFORM_BODY_TOO_LARGE',
    )
  })

  it('answers an unsupported content type with 415', async () => {
    expectProblem(
      await post('name=x', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'PLATFORM_UNSUPPORTED_MEDIA_TYPE',
    )
  })

  it('answers an unknown route with a 404 problem', async () => {
    const res = await t.app.http.inject({ url: '/api/v1/nothing-here' })
    expectProblem(res, 404, 'PLATFORM_NOT_FOUND')
  })

  it('speaks English when the client prefers it', async () => {
    const res = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/persons',
      payload: {},
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    })
    expect(res.json().detail).toBe('The request has invalid fields')
  })

  it('keeps a valid caller-supplied request id and echoes it', async () => {
    const res = await t.app.http.inject({
      url: '/healthz',
      headers: { 'x-request-id': 'counter-42-abcdef' },
    })
    expect(res.headers['x-request-id']).toBe('counter-42-abcdef')
  })

  it('writes nothing for any refused request', async () => {
    expect(await countRows(t.app.database.db, WRITE_TABLES)).toEqual(before)
  })
})

describe('requests the HTTP parser refuses', () => {
  it('answers a raw non-ASCII URL with a problem+json 400', async () => {
    const t = await createTestApp({ dialect: 'sqlite' })
    await t.app.http.listen({ port: 0, host: '127.0.0.1' })
    const { port } = t.app.http.server.address() as AddressInfo
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          Buffer.concat([
            Buffer.from('GET /api/v1/catalog/items?q='),
            Buffer.from('登记'),
            Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
          ]),
        )
      })
      let data = ''
      socket.on('data', (chunk) => (data += chunk.toString()))
      socket.on('end', () => resolve(data))
      socket.on('error', reject)
    })
    expect(raw).toMatch(/^HTTP\/1\.1 400/)
    expect(raw).toContain('application/problem+json')
    expect(raw).toContain('"code":"PLATFORM_BAD_REQUEST"')
    await t.dispose()
  })
})
