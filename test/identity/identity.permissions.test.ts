import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ENTERPRISES } from '../../src/modules/identity/demo/index.js'
import type { IdentityTables } from '../../src/modules/identity/identity.tables.js'
import { moduleDb } from '../../src/platform/db/database.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { WRITE_TABLES, countRows } from '../support/counts.js'
import { testDialects } from '../support/databases.js'
import {
  DEMO_PASSWORD,
  DEMO_PERSONS,
  DEMO_STAFF,
  bearer,
  seedDemo,
  signInPerson,
  signInStaff,
} from '../support/demo.js'

interface Problem {
  code: string
  messages: { zh: string; en: string }
}
interface StaffView {
  id: string
  account: string
  departmentId: string | null
  roles: Array<{ role: string; departmentId: string | null }>
}
interface EnterpriseView {
  id: string
  creditCode: string
}
type Headers = Record<string, string>

const roleHolder = (departmentCode: string | null, role: string) => {
  const found = DEMO_STAFF.find(
    (s) => s.departmentCode === departmentCode && (s.roles as readonly string[]).includes(role),
  )
  if (!found) throw new Error(`no demo staff with ${role} in ${String(departmentCode)}`)
  return found.account
}
const personIndex = (predicate: (idNumber: string) => boolean) =>
  DEMO_PERSONS.findIndex((p) => predicate(p.idNumber))
const allAgents = new Set(DEMO_ENTERPRISES.flatMap((e) => [...e.agents]))
/** An agent of two enterprises, a person who is no agent, and an agent of other enterprises. */
const AGENT = personIndex((id) => DEMO_ENTERPRISES.filter((e) => e.agents.includes(id)).length > 1)
const NOT_AGENT = personIndex((id) => !allAgents.has(id))
const OTHER_AGENT = personIndex(
  (id) =>
    allAgents.has(id) &&
    DEMO_ENTERPRISES.every(
      (e) => !(e.agents.includes(id) && e.agents.includes(DEMO_PERSONS[AGENT]?.idNumber ?? '')),
    ),
)
if (AGENT < 0 || NOT_AGENT < 0 || OTHER_AGENT < 0)
  throw new Error('the demo persons lack an agent, a non-agent or an unrelated agent')

function expectProblem(res: LightMyRequestResponse, status: number, code: string): void {
  expect(res.statusCode, res.body).toBe(status)
  expect(res.headers['content-type']).toContain('application/problem+json')
  const body = res.json<Problem>()
  expect(body.code).toBe(code)
  expect(typeof body.messages.zh === 'string' && body.messages.zh.length > 0).toBe(true)
  expect(typeof body.messages.en === 'string' && body.messages.en.length > 0).toBe(true)
}

describe.each(testDialects())('identity permissions (%s)', (dialect) => {
  let t: TestApp
  let deptAdmin: Headers
  let secadmin: Headers
  let sysadmin: Headers
  const departments = new Map<string, string>()
  let serial = 0

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    deptAdmin = bearer(await signInStaff(t.app, roleHolder('market', 'dept_admin')))
    secadmin = bearer(await signInStaff(t.app, roleHolder(null, 'security_admin')))
    sysadmin = bearer(await signInStaff(t.app, roleHolder(null, 'system_admin')))
    const list = (await t.app.http.inject({ url: '/api/v1/departments' })).json<
      Array<{ id: string; code: string }>
    >()
    for (const d of list) departments.set(d.code, d.id)
  })
  afterAll(() => t.dispose())

  const db = () => moduleDb<IdentityTables>(t.app.database.db)
  const departmentId = (code: string) => departments.get(code) ?? ''
  const staffId = async (account: string) =>
    (
      await db()
        .selectFrom('identity_staff')
        .select('id')
        .where('account', '=', account)
        .executeTakeFirstOrThrow()
    ).id
  function newStaff(departmentCode: string) {
    serial += 1
    return {
      account: `${departmentCode}.new${serial}`,
      name: '新同事',
      departmentId: departmentId(departmentCode),
      phone: `1390000${String(2000 + serial)}`,
      password: DEMO_PASSWORD,
    }
  }
  const createStaff = (headers: Headers, payload: object) =>
    t.app.http.inject({ method: 'POST', url: '/api/v1/staff', headers, payload })
  const assignRole = (headers: Headers, id: string, role: string, department: string | null) =>
    t.app.http.inject({
      method: 'POST',
      url: `/api/v1/staff/${id}/roles`,
      headers,
      payload: { role, departmentId: department },
    })
  async function marketStaff(): Promise<StaffView> {
    const res = await createStaff(deptAdmin, newStaff('market'))
    expect(res.statusCode, res.body).toBe(201)
    return res.json<StaffView>()
  }

  describe('staff and roles', () => {
    it('lets a department admin create staff in their own department', async () => {
      const payload = newStaff('market')
      const res = await createStaff(deptAdmin, payload)
      expect(res.statusCode, res.body).toBe(201)
      expect(res.json<StaffView>()).toMatchObject({
        account: payload.account,
        departmentId: departmentId('market'),
        roles: [],
      })
    })

    it('rejects a department admin creating staff in another department', async () => {
      const before = await countRows(t.app.database.db, WRITE_TABLES)
      expectProblem(await createStaff(deptAdmin, newStaff('tax')), 403, 'PLATFORM_FORBIDDEN')
      expect(await countRows(t.app.database.db, WRITE_TABLES)).toEqual(before)
    })

    it('lets the security admin assign a department role', async () => {
      const staff = await marketStaff()
      const res = await assignRole(secadmin, staff.id, 'dept_staff', departmentId('market'))
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json<StaffView>().roles).toEqual([
        { role: 'dept_staff', departmentId: departmentId('market') },
      ])
    })

    it.each([
      ['the system admin', () => sysadmin],
      ['a department admin', () => deptAdmin],
    ])('rejects %s assigning roles', async (_, headers) => {
      const staff = await marketStaff()
      expectProblem(
        await assignRole(headers(), staff.id, 'dept_staff', departmentId('market')),
        403,
        'PLATFORM_FORBIDDEN',
      )
      const rows = await db()
        .selectFrom('identity_role_assignments')
        .select('role')
        .where('staff_id', '=', staff.id)
        .execute()
      expect(rows).toEqual([])
    })

    it('rejects a department-scoped role assigned without a department', async () => {
      const staff = await marketStaff()
      expectProblem(
        await assignRole(secadmin, staff.id, 'catalog_editor', null),
        400,
        'IDENTITY_ROLE_SCOPE_MISMATCH',
      )
    })

    it("refuses to give the auditor role to the system admin's account", async () => {
      const id = await staffId(roleHolder(null, 'system_admin'))
      expectProblem(
        await assignRole(secadmin, id, 'auditor', null),
        409,
        'IDENTITY_ROLES_NOT_SEPARATED',
      )
      const staff = await t.app.http.inject({ url: `/api/v1/staff/${id}`, headers: secadmin })
      expect(staff.json<StaffView>().roles).toEqual([{ role: 'system_admin', departmentId: null }])
    })
  })

  describe('persons', () => {
    let self: Headers
    let selfId: string
    let otherId: string

    beforeAll(async () => {
      self = bearer((await signInPerson(t.app, NOT_AGENT)).accessToken)
      selfId = (await t.app.http.inject({ url: '/api/v1/me', headers: self })).json<{
        id: string
      }>().id
      const other = DEMO_PERSONS[AGENT]?.name ?? ''
      otherId = (
        await db()
          .selectFrom('identity_persons')
          .select('id')
          .where('name', '=', other)
          .executeTakeFirstOrThrow()
      ).id
    })

    it("rejects a citizen reading another person's profile", async () => {
      expectProblem(
        await t.app.http.inject({ url: `/api/v1/persons/${otherId}`, headers: self }),
        403,
        'PLATFORM_FORBIDDEN',
      )
    })

    it('lets a citizen read their own profile with the ID number masked', async () => {
      const res = await t.app.http.inject({ url: `/api/v1/persons/${selfId}`, headers: self })
      expect(res.statusCode, res.body).toBe(200)
      const body = res.json<{ id: string; idNumberMasked: string }>()
      const raw = DEMO_PERSONS[NOT_AGENT]?.idNumber ?? ''
      expect(body.id).toBe(selfId)
      expect(body.idNumberMasked).toContain('*')
      expect(body.idNumberMasked).not.toContain(raw)
      expect(res.body).not.toContain(raw)
    })
  })

  describe('enterprises', () => {
    let agent: Headers
    let mine: EnterpriseView[]

    beforeAll(async () => {
      agent = bearer((await signInPerson(t.app, AGENT)).accessToken)
      const res = await t.app.http.inject({ url: '/api/v1/enterprises/mine', headers: agent })
      expect(res.statusCode, res.body).toBe(200)
      mine = res.json<EnterpriseView[]>()
    })

    it('lists the enterprises an agent acts for', () => {
      const idNumber = DEMO_PERSONS[AGENT]?.idNumber ?? ''
      const expected = DEMO_ENTERPRISES.filter((e) => e.agents.includes(idNumber)).map(
        (e) => e.creditCode,
      )
      expect(mine.map((e) => e.creditCode).sort()).toEqual([...expected].sort())
    })

    it('lets an agent read each of their enterprises', async () => {
      for (const e of mine) {
        const res = await t.app.http.inject({
          url: `/api/v1/enterprises/${e.id}`,
          headers: agent,
        })
        expect(res.statusCode, res.body).toBe(200)
        expect(res.json<EnterpriseView>().creditCode).toBe(e.creditCode)
      }
    })

    it.each([
      ['a citizen who is no agent', () => NOT_AGENT],
      ['an agent of other enterprises only', () => OTHER_AGENT],
    ])('rejects %s reading the enterprise', async (_, index) => {
      const stranger = bearer((await signInPerson(t.app, index())).accessToken)
      const first = mine[0]?.id ?? ''
      expectProblem(
        await t.app.http.inject({ url: `/api/v1/enterprises/${first}`, headers: stranger }),
        403,
        'PLATFORM_FORBIDDEN',
      )
    })
  })
})
