import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { bearer, seedDemo, signInStaff } from '../support/demo.js'

const YEAR_2028 = {
  year: 2028,
  source: '测试数据 test data (not an official notice)',
  holidays: [{ name: '元旦', nameEn: "New Year's Day", days: ['2028-01-01'], makeUpWorkdays: [] }],
}

describe.each(testDialects())('GET /calendar/years/:year (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
  })
  afterAll(() => t.dispose())
  const get = (year: number) => t.app.http.inject({ url: `/api/v1/calendar/years/${year}` })

  it("shows a built-in year's holidays and make-up working days", async () => {
    const res = await get(2026)
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json<{
      year: number
      holidays: Array<{ name: string; makeUpWorkdays: string[] }>
    }>()
    expect(body.year).toBe(2026)
    expect(body.holidays.find((h) => h.name === '国庆节')?.makeUpWorkdays.length).toBeGreaterThan(0)
  })

  it('answers 404 problem+json for a year not loaded, and shows it once loaded', async () => {
    const missing = await get(2028)
    expect(missing.statusCode).toBe(404)
    expect(missing.headers['content-type']).toContain('application/problem+json')
    expect(missing.json<{ code: string }>().code).toBe('CALENDAR_YEAR_NOT_FOUND')
    const admin = await signInStaff(t.app, 'sysadmin')
    const put = await t.app.http.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2028',
      headers: bearer(admin),
      payload: YEAR_2028,
    })
    expect(put.statusCode, put.body).toBe(200)
    expect((await get(2028)).json()).toEqual(YEAR_2028)
  })
})
