import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computeCreditCodeCheckChar } from '../../src/platform/standards/index.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { countRows, WRITE_TABLES } from '../support/counts.js'
import { testDialects } from '../support/databases.js'
import { bearer, seedDemo, signInPerson } from '../support/demo.js'

const withCheck = (first17: string) => `${first17}${computeCreditCodeCheckChar(first17)}`
const enterprise = (creditCode: string) => ({
  name: '示范市新芽文化传媒有限公司',
  creditCode,
  registeredAddress: '示范市西湖区文三路 90 号',
  industryCode: 'R8625',
  registeredCapital: '500000.00',
  establishedOn: '2026-03-01',
})

describe.each(testDialects())('registering an enterprise (%s)', (dialect) => {
  let t: TestApp
  let token: string
  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    token = (await signInPerson(t.app, 5)).accessToken
  })
  afterAll(() => t.dispose())
  const register = (body: object, auth = token) =>
    t.app.http.inject({
      method: 'POST',
      url: '/api/v1/enterprises',
      payload: body,
      headers: bearer(auth),
    })

  it('registers an enterprise whose credit code is valid and makes the person its agent', async () => {
    const code = withCheck('91330106MA2K0XY7T')
    const res = await register(enterprise(code))
    expect(res.statusCode).toBe(201)
    expect(res.json().creditCode).toBe(code)
    const mine = await t.app.http.inject({
      url: '/api/v1/enterprises/mine',
      headers: bearer(token),
    })
    expect(mine.json().map((e: { creditCode: string }) => e.creditCode)).toContain(code)
  })

  it.each([
    [
      'a wrong check character',
      (c: string) => `${c.slice(0, 17)}${c.endsWith('0') ? '1' : '0'}`,
      'bad_check_digit',
    ],
    [
      'a letter the standard excludes (I, O, Z, S, V)',
      (c: string) => `${c.slice(0, 10)}O${c.slice(11)}`,
      'bad_characters',
    ],
    ['a wrong length', (c: string) => c.slice(0, 16), 'bad_length'],
  ])(
    'refuses a credit code with %s, naming the field and writing nothing',
    async (_label, spoil, reason) => {
      const before = await countRows(t.app.database.db, WRITE_TABLES)
      const res = await register(enterprise(spoil(withCheck('91330106MA2K0XY8T'))))
      expect(res.statusCode).toBe(400)
      expect(res.json().errors).toContainEqual(
        expect.objectContaining({ pointer: '/creditCode', code: reason }),
      )
      expect(await countRows(t.app.database.db, WRITE_TABLES)).toEqual(before)
    },
  )

  it('refuses a credit code registered already with 409', async () => {
    const res = await register(enterprise(withCheck('91330106MA2K0XY7T')))
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('IDENTITY_ENTERPRISE_ALREADY_REGISTERED')
  })
})
