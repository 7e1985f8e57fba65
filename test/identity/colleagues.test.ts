import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { bearer, seedDemo, signInPerson, signInStaff } from '../support/demo.js'

interface Colleague {
  id: string
  account: string
  name: string
  departmentId: string
  roles: string[]
}

describe.each(testDialects())('colleagues a task can be handed to (%s)', (dialect) => {
  let t: TestApp
  let clerk: string
  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    clerk = await signInStaff(t.app, 'market.li')
  })
  afterAll(() => t.dispose())

  const colleagues = (token: string, q?: string) =>
    t.app.http.inject({
      url: '/api/v1/colleagues',
      headers: bearer(token),
      ...(q === undefined ? {} : { query: { q } }),
    })

  it('lists the staff of my department with their roles, and nothing to contact them by', async () => {
    const res = await colleagues(clerk)
    expect(res.statusCode, res.body).toBe(200)
    const list = res.json<Colleague[]>()
    const accounts = list.map((c) => c.account)
    expect(accounts).toEqual(expect.arrayContaining(['market.li', 'market.zhou', 'market.sun']))
    expect(accounts.every((a) => a.startsWith('market.'))).toBe(true)
    expect(list.find((c) => c.account === 'market.zhou')).toMatchObject({
      name: '周婷',
      roles: ['catalog_publisher', 'dept_approver'],
    })
    expect(res.body).not.toMatch(/phone|1390000/)
  })

  it('finds a colleague by name or account', async () => {
    expect((await colleagues(clerk, '周')).json<Colleague[]>().map((c) => c.account)).toEqual([
      'market.zhou',
    ])
    expect((await colleagues(clerk, 'sun')).json<Colleague[]>().map((c) => c.name)).toEqual([
      '孙志强',
    ])
    expect((await colleagues(clerk, '%')).json<Colleague[]>().length).toBeGreaterThan(1)
  })

  it('is refused to citizens and to platform administrators without a department', async () => {
    const citizen = await signInPerson(t.app)
    expect((await colleagues(citizen.accessToken)).statusCode).toBe(403)
    expect((await colleagues(await signInStaff(t.app, 'sysadmin'))).statusCode).toBe(403)
    expect((await t.app.http.inject({ url: '/api/v1/colleagues' })).statusCode).toBe(401)
    const tooLong = await colleagues(clerk, 'x'.repeat(51))
    expect(tooLong.statusCode).toBe(400)
    expect(tooLong.json<{ errors: Array<{ pointer: string }> }>().errors[0]?.pointer).toBe('/querystring/q')
  })
})
