import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { DEMO_PASSWORD, bearer, seedDemo, signInStaff } from '../support/demo.js'

interface StaffView {
  id: string
  account: string
  departmentId: string | null
  roles: Array<{ role: string; departmentId: string | null }>
}

describe.each(testDialects())('GET /staff and audit search (%s)', (dialect) => {
  let t: TestApp
  let sysadmin: Record<string, string>
  let auditor: Record<string, string>

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    sysadmin = bearer(await signInStaff(t.app, 'sysadmin'))
    auditor = bearer(await signInStaff(t.app, 'auditor'))
  })
  afterAll(() => t.dispose())

  it('lists staff with their roles to the system admin, one department on request', async () => {
    const all = await t.app.http.inject({ url: '/api/v1/staff?limit=500', headers: sysadmin })
    expect(all.statusCode, all.body).toBe(200)
    const staff = all.json<StaffView[]>()
    const accounts = staff.map((s) => s.account)
    expect(accounts).toEqual([...accounts].sort())
    expect(staff.find((s) => s.account === 'auditor')?.roles).toEqual([
      { role: 'auditor', departmentId: null },
    ])
    const deptId = staff.find((s) => s.departmentId !== null)?.departmentId ?? ''
    const one = await t.app.http.inject({
      url: `/api/v1/staff?departmentId=${deptId}`,
      headers: sysadmin,
    })
    expect(one.statusCode).toBe(200)
    expect(one.json<StaffView[]>().every((s) => s.departmentId === deptId)).toBe(true)
  })

  it('refuses the staff list to the auditor', async () => {
    const res = await t.app.http.inject({ url: '/api/v1/staff', headers: auditor })
    expect(res.statusCode).toBe(403)
    expect(res.headers['content-type']).toContain('application/problem+json')
  })

  it('lets the auditor search audit records by action, actor and time window', async () => {
    const created = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: sysadmin,
      payload: {
        account: 'search.me',
        name: '检索测试',
        departmentId: null,
        phone: '13900009999',
        password: DEMO_PASSWORD,
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const staffId = created.json<StaffView>().id
    const search = (query: string) =>
      t.app.http.inject({ url: `/api/v1/audit/records?${query}`, headers: auditor })
    const byAction = await search('action=identity.staff.created&limit=500')
    expect(byAction.statusCode, byAction.body).toBe(200)
    const items = byAction.json<{
      items: Array<{ action: string; subjectId: string; actorId: string; at: string }>
    }>().items
    expect(items.length).toBeGreaterThan(0)
    expect(items.every((r) => r.action === 'identity.staff.created')).toBe(true)
    const mine = items.find((r) => r.subjectId === staffId)
    expect(mine).toBeDefined()
    const at = mine?.at ?? ''
    const byActor = await search(
      `actorId=${mine?.actorId ?? ''}&from=${encodeURIComponent(at)}&to=${encodeURIComponent(new Date(Date.parse(at) + 1).toISOString())}`,
    )
    expect(
      byActor.json<{ items: Array<{ subjectId: string }> }>().items.map((r) => r.subjectId),
    ).toContain(staffId)
    const before = await search(
      `to=${encodeURIComponent(at)}&action=identity.staff.created&limit=500`,
    )
    expect(
      before.json<{ items: Array<{ subjectId: string }> }>().items.map((r) => r.subjectId),
    ).not.toContain(staffId)
    const bad = await search('from=yesterday')
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
  })
})
