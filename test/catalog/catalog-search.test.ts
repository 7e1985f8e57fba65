import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ITEMS } from '../../src/modules/catalog/demo/index.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { DEMO_STAFF, bearer, seedDemo, signInStaff } from '../support/demo.js'

interface Hit {
  kind: 'item' | 'bundle'
  code: string
  name: { zh: string; en: string }
  department: { code: string; name: { zh: string } }
  promisedLimitDays: number
  fee: { free: boolean; total: string }
  materials: Array<{ name: { zh: string }; required: boolean; reusableLicence: boolean }>
  memberCount: number | null
  match: string | null
}
interface Result {
  total: number
  results: Hit[]
}

describe.each(testDialects())('catalogue search over items and bundles (%s)', (dialect) => {
  let t: TestApp
  const search = async (query: string) => {
    const res = await t.app.http.inject({ url: `/api/v1/catalog/search?${query}` })
    expect(res.statusCode, res.body).toBe(200)
    return res.json<Result>()
  }
  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
  })
  afterAll(() => t.dispose())

  it('finds the 企业开办 bundle by pinyin initials with days, fee and materials', async () => {
    const { results } = await search('q=qykb')
    const first = results[0]!
    expect(first).toMatchObject({ kind: 'bundle', code: 'start_company', match: 'pinyin' })
    expect(first.name.zh).toContain('企业开办')
    expect(first.department.code).toBe('market')
    expect(first.memberCount).toBe(5)
    expect(first.promisedLimitDays).toBeGreaterThanOrEqual(1)
    expect(first.fee).toEqual({ free: true, total: '0' })
    expect(first.materials.length).toBeGreaterThan(0)
    expect(first.materials.some((m) => m.required)).toBe(true)
  })

  it('finds items and bundles by a Chinese name, a keyword and a department name', async () => {
    const byName = await search(`q=${encodeURIComponent('登记')}`)
    expect(byName.total).toBeGreaterThan(0)
    expect(byName.results.every((h) => h.match !== 'name' || h.name.zh.includes('登记'))).toBe(true)
    const byKeyword = await search(`q=${encodeURIComponent('开公司')}`)
    expect(byKeyword.results.map((h) => `${h.code}:${h.match}`)).toContain('start_company:keyword')
    const byDepartment = await search(`q=${encodeURIComponent('税务')}`)
    expect(byDepartment.results.some((h) => h.department.code === 'tax')).toBe(true)
  })

  it('pages the whole catalogue, bundles first, when the query is empty', async () => {
    const all = await search('limit=50')
    const items = DEMO_ITEMS.length
    expect(all.total).toBeGreaterThan(items)
    expect(all.results[0]!.kind).toBe('bundle')
    const page = await search('limit=2&offset=1')
    expect(page.results.map((h) => h.code)).toEqual(all.results.slice(1, 3).map((h) => h.code))
  })

  it('rejects a query that is too long, naming the field', async () => {
    const res = await t.app.http.inject({ url: `/api/v1/catalog/search?q=${'a'.repeat(51)}` })
    expect(res.statusCode).toBe(400)
    expect(res.json<{ errors: Array<{ pointer: string }> }>().errors[0]?.pointer).toBe(
      '/querystring/q',
    )
  })

  it('drops a retired item at once', async () => {
    const item = DEMO_ITEMS.find((i) => i.departmentCode === 'market' && !i.keywords)!
    const before = await search(`q=${encodeURIComponent(item.name.zh)}`)
    expect(before.results.map((h) => h.code)).toContain(item.implementationCode)
    const publisher = DEMO_STAFF.find(
      (s) =>
        s.departmentCode === 'market' &&
        (s.roles as readonly string[]).includes('catalog_publisher'),
    )!
    const token = await signInStaff(t.app, publisher.account)
    const { id } = (
      await t.app.http.inject({ url: `/api/v1/catalog/items/${item.implementationCode}` })
    ).json<{ id: string }>()
    const retired = await t.app.http.inject({
      method: 'POST',
      url: `/api/v1/catalog/items/${id}/retire`,
      headers: bearer(token),
    })
    expect(retired.statusCode, retired.body).toBe(204)
    const after = await search(`q=${encodeURIComponent(item.name.zh)}`)
    expect(after.results.map((h) => h.code)).not.toContain(item.implementationCode)
  })
})
