import type { App } from '../../src/app.js'
import { DEMO_PERSONS } from '../../src/modules/identity/demo/index.js'
import { signIn, signInStaff } from '../support/demo.js'

export const YUNQI = '91330106MA2KC7R48T' // 云栖智联科技: legal representative 陈思远
export const HUPAN = '91330102MA2H8N3T96' // 湖畔小馆餐饮
export const BINJIANG = '91330108MA27W5LD5R' // 滨江智造电子
export const YUNHE = '91330105MA2B4Q9E5T' // 运河百货
export const QINGHE = '91330110MA2D6XJ07M' // imported only: no contact on the platform

export const POLICY_TABLES = [
  'policy_policies',
  'policy_revisions',
  'policy_enterprises',
  'policy_evaluations',
  'policy_matches',
  'policy_notices',
  'policy_opt_outs',
  'policy_grants',
  'platform_audit_records',
  'platform_jobs',
  'platform_notifications',
]

export function person(idNumber: string) {
  const found = DEMO_PERSONS.find((p) => p.idNumber === idNumber)
  if (!found) throw new Error(`no demo person ${idNumber}`)
  return found
}

export async function signInAs(app: App, idNumber: string): Promise<string> {
  const p = person(idNumber)
  return (await signIn(app, 'person', p.idNumber, p.phone)).accessToken
}

export { signInStaff }

/** The texts sent to a phone, newest first. */
export async function textsTo(app: App, phone: string): Promise<string[]> {
  const res = await app.http.inject({ url: `/api/v1/demo/sms?phone=${phone}` })
  return res.json<Array<{ body: string }>>().map((m) => m.body)
}
