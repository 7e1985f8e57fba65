import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computeIdCheckChar } from '../../src/platform/standards/index.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { countRows } from '../support/counts.js'
import { testDialects } from '../support/databases.js'
import { bearer, signIn } from '../support/demo.js'

const PASSWORD = 'Passw0rd!x'
const person = (first17: string, phone: string) => ({
  name: '李长青',
  idNumber: `${first17}${computeIdCheckChar(first17)}`,
  phone,
  password: PASSWORD,
})

describe.each(testDialects())('my preferences: 长辈版 and language (%s)', (dialect) => {
  let t: TestApp
  let mine: Record<string, string>
  let other: Record<string, string>
  const prefs = (headers: Record<string, string>, payload?: object) =>
    t.app.http.inject({
      method: payload ? 'PATCH' : 'GET',
      url: '/api/v1/me/preferences',
      headers,
      ...(payload ? { payload } : {}),
    })
  const written = () =>
    countRows(t.app.database.db, ['identity_preferences', 'platform_audit_records'])

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    const signUp = async (first17: string, phone: string) => {
      const body = person(first17, phone)
      const res = await t.app.http.inject({ method: 'POST', url: '/api/v1/persons', payload: body })
      expect(res.statusCode, res.body).toBe(201)
      return bearer(
        (await signIn(t.app, 'person', body.idNumber, phone, 'web', PASSWORD)).accessToken,
      )
    }
    mine = await signUp('33010619500101001', '13912340001')
    other = await signUp('33010619510202002', '13912340002')
  })
  afterAll(() => t.dispose())

  it('starts from the defaults without writing anything', async () => {
    const before = await written()
    const res = await prefs(mine)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ elderlyMode: false, locale: null })
    expect(await written()).toEqual(before)
  })

  it('remembers elderly mode and language per user, audited', async () => {
    const before = await written()
    expect((await prefs(mine, { elderlyMode: true })).json()).toEqual({
      elderlyMode: true,
      locale: null,
    })
    expect((await prefs(mine, { locale: 'en' })).json()).toEqual({
      elderlyMode: true,
      locale: 'en',
    })
    expect((await prefs(mine)).json()).toEqual({ elderlyMode: true, locale: 'en' })
    expect((await prefs(other)).json()).toEqual({ elderlyMode: false, locale: null })
    const after = await written()
    expect(after.identity_preferences).toBe(before.identity_preferences! + 1)
    expect(after.platform_audit_records).toBe(before.platform_audit_records! + 2)
  })

  it('writes no audit record when nothing changes', async () => {
    const before = await written()
    expect((await prefs(mine, { elderlyMode: true })).statusCode).toBe(200)
    expect(await written()).toEqual(before)
  })

  it('refuses an anonymous caller and a bad body, writing nothing', async () => {
    const before = await written()
    expect((await prefs({})).statusCode).toBe(401)
    expect((await prefs({}, { elderlyMode: true })).statusCode).toBe(401)
    const empty = await prefs(mine, {})
    expect(empty.statusCode).toBe(400)
    const bad = await prefs(mine, { elderlyMode: 'yes', locale: 'fr' })
    expect(bad.statusCode).toBe(400)
    const pointers = bad.json<{ errors: Array<{ pointer: string }> }>().errors.map((e) => e.pointer)
    expect(pointers).toEqual(expect.arrayContaining(['/elderlyMode', '/locale']))
    expect(await written()).toEqual(before)
  })
})
