import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import {
  DEMO_PASSWORD,
  DEMO_PERSONS,
  bearer,
  latestCode,
  seedDemo,
  signInPerson,
} from '../support/demo.js'

describe.each(testDialects())('signing in, tokens and sessions (%s)', (dialect) => {
  let t: TestApp
  let now = new Date('2026-03-02T01:00:00Z').getTime()
  const clock = { now: () => new Date(now) }
  const person = DEMO_PERSONS[1]!
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock })
    await seedDemo(t.app)
  })
  afterAll(() => t.dispose())
  const me = (token: string) => t.app.http.inject({ url: '/api/v1/me', headers: bearer(token) })
  const startSignIn = (password: string, identifier = person.idNumber) =>
    t.app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { kind: 'person', identifier, password, channel: 'app' },
    })

  it('signs in with password then the texted code, on the chosen channel', async () => {
    const tokens = await signInPerson(t.app, 1, 'app')
    const res = await me(tokens.accessToken)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ kind: 'person', channel: 'app' })
    expect(res.json().roles).toContainEqual({ role: 'citizen', departmentId: null })
  })

  it('issues access tokens that live at most 15 minutes', async () => {
    const tokens = await signInPerson(t.app, 1)
    expect((await me(tokens.accessToken)).statusCode).toBe(200)
    now += 15 * 60_000 + 1000
    const res = await me(tokens.accessToken)
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('PLATFORM_TOKEN_INVALID')
  })

  it('rejects a tampered token', async () => {
    const tokens = await signInPerson(t.app, 1)
    const [h, p, s] = tokens.accessToken.split('.')
    const claims = JSON.parse(Buffer.from(p ?? '', 'base64url').toString())
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString(
      'base64url',
    )
    expect((await me(`${h}.${forged}.${s}`)).json().code).toBe('PLATFORM_TOKEN_INVALID')
  })

  it('rotates refresh tokens and revokes the whole family when a used one comes back', async () => {
    const first = await signInPerson(t.app, 1)
    const refresh = (token: string) =>
      t.app.http.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken: token },
      })
    const second = await refresh(first.refreshToken)
    expect(second.statusCode).toBe(200)
    const rotated = second.json()
    expect(rotated.refreshToken).not.toBe(first.refreshToken)
    expect(rotated.sessionId).toBe(first.sessionId)
    const replay = await refresh(first.refreshToken)
    expect(replay.statusCode).toBe(401)
    expect(replay.json().code).toBe('IDENTITY_REFRESH_REUSED')
    expect((await refresh(rotated.refreshToken)).json().code).toBe('IDENTITY_REFRESH_INVALID')
    expect((await me(rotated.accessToken)).statusCode).toBe(401)
  })

  it('rejects a wrong code and a reused challenge', async () => {
    const start = (await startSignIn(DEMO_PASSWORD)).json()
    const texted = await latestCode(t.app, person.phone)
    const wrongCode = texted === '000000' ? '111111' : '000000'
    const wrong = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/verify',
      payload: { challengeId: start.challengeId, code: wrongCode },
    })
    expect(wrong.json().code).toBe('IDENTITY_OTP_INVALID')
    const code = await latestCode(t.app, person.phone)
    const ok = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/verify',
      payload: { challengeId: start.challengeId, code },
    })
    expect(ok.statusCode).toBe(200)
    const again = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/verify',
      payload: { challengeId: start.challengeId, code },
    })
    expect(again.json().code).toBe('IDENTITY_OTP_INVALID')
  })

  it('signs out everywhere: every session of the person stops working', async () => {
    const web = await signInPerson(t.app, 2, 'web')
    const app = await signInPerson(t.app, 2, 'app')
    const res = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out-everywhere',
      headers: bearer(web.accessToken),
    })
    expect(res.json().revoked).toBeGreaterThanOrEqual(2)
    expect((await me(app.accessToken)).statusCode).toBe(401)
    expect((await me(web.accessToken)).statusCode).toBe(401)
  })

  it('locks the account after five wrong passwords, with back-off, and says until when', async () => {
    for (let i = 0; i < 4; i++)
      expect((await startSignIn('Wrong-pass-1')).json().code).toBe('IDENTITY_CREDENTIALS_INVALID')
    const fifth = await startSignIn('Wrong-pass-1')
    expect(fifth.statusCode).toBe(423)
    expect(fifth.json().code).toBe('IDENTITY_ACCOUNT_LOCKED')
    expect((await startSignIn(DEMO_PASSWORD)).json().code).toBe('IDENTITY_ACCOUNT_LOCKED')
    now += 61_000
    expect((await startSignIn('Wrong-pass-1')).json().code).toBe('IDENTITY_ACCOUNT_LOCKED')
    now += 121_000
    expect((await startSignIn(DEMO_PASSWORD)).statusCode).toBe(200)
    const audit = await t.app.database.db
      .selectFrom('platform_audit_records')
      .select('action')
      .where('action', '=', 'identity.account.locked')
      .execute()
    expect(audit.length).toBeGreaterThanOrEqual(2)
  })

  it('answers an unknown account exactly like a wrong password', async () => {
    const res = await startSignIn(DEMO_PASSWORD, '11010519491231002X')
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('IDENTITY_CREDENTIALS_INVALID')
  })
})

describe('sign-in rate limit', () => {
  it('answers 429 as problem+json once a client exceeds the per-minute limit', async () => {
    const t = await createTestApp({
      dialect: 'sqlite',
      env: { TONGBAN_AUTH_RATE_LIMIT_PER_MINUTE: '3' },
    })
    const attempt = () =>
      t.app.http.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { kind: 'staff', identifier: 'nobody', password: 'Wrong-pass-1', channel: 'web' },
      })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).statusCode)
    expect(statuses).toEqual([401, 401, 401, 429])
    const limited = await attempt()
    expect(limited.headers['content-type']).toContain('application/problem+json')
    expect(limited.json().code).toBe('PLATFORM_RATE_LIMITED')
    await t.dispose()
  })
})
