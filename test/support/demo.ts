import type { App } from '../../src/app.js'
import { DEMO_PASSWORD, DEMO_PERSONS, DEMO_STAFF } from '../../src/modules/identity/demo/index.js'
import { seedDemo } from '../../src/seed-demo.js'

export { DEMO_PASSWORD, DEMO_PERSONS, DEMO_STAFF }
export { seedDemo }

type Channel = 'web' | 'app' | 'miniprogram' | 'counter'

/** Reads the newest one-time code texted to a phone from the demo SMS outbox. */
export async function latestCode(app: App, phone: string): Promise<string> {
  const res = await app.http.inject({ url: `/api/v1/demo/sms?phone=${phone}` })
  const body = res.json<Array<{ body: string }>>()[0]?.body ?? ''
  const code = /(\d{6})/.exec(body)?.[1]
  if (!code) throw new Error(`no code texted to ${phone}`)
  return code
}

export interface Tokens {
  accessToken: string
  refreshToken: string
  sessionId: string
}

/** The full two-step sign-in over HTTP: password, then the texted code. */
export async function signIn(
  app: App,
  kind: 'person' | 'staff',
  identifier: string,
  phone: string,
  channel: Channel = 'web',
  password = DEMO_PASSWORD,
): Promise<Tokens> {
  const start = await app.http.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { kind, identifier, password, channel },
  })
  if (start.statusCode !== 200) throw new Error(`sign-in failed: ${start.body}`)
  const { challengeId } = start.json<{ challengeId: string }>()
  const verify = await app.http.inject({
    method: 'POST',
    url: '/api/v1/auth/verify',
    payload: { challengeId, code: await latestCode(app, phone) },
  })
  if (verify.statusCode !== 200) throw new Error(`verify failed: ${verify.body}`)
  return verify.json<Tokens>()
}

/** Staff phones in the demo: 1390000 + (1000 + index in DEMO_STAFF). */
export function staffPhone(account: string): string {
  const index = DEMO_STAFF.findIndex((s) => s.account === account)
  if (index < 0) throw new Error(`no demo staff ${account}`)
  return `1390000${String(1000 + index)}`
}

export async function signInStaff(app: App, account: string): Promise<string> {
  return (await signIn(app, 'staff', account, staffPhone(account))).accessToken
}

export async function signInPerson(app: App, index = 0, channel: Channel = 'web'): Promise<Tokens> {
  const person = DEMO_PERSONS[index]
  if (!person) throw new Error(`no demo person ${index}`)
  return signIn(app, 'person', person.idNumber, person.phone, channel)
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
