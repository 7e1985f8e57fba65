import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { bearer, seedDemo, signInStaff } from '../support/demo.js'

const YEAR_2027 = {
  year: 2027,
  source: '测试数据 test data (not an official notice)',
  holidays: [{ name: '元旦', nameEn: "New Year's Day", days: ['2027-01-01'], makeUpWorkdays: [] }],
}

describe.each(testDialects())('the working-day calendar over HTTP (%s)', (dialect) => {
  let t: TestApp
  let admin: string
  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    admin = await signInStaff(t.app, 'sysadmin')
  })
  afterAll(() => t.dispose())
  const get = (url: string) => t.app.http.inject({ url: `/api/v1/calendar${url}` })

  it('skips the National Day holiday and counts the make-up Saturday', async () => {
    expect((await get('/add-working-days?from=2026-09-30&days=1')).json().date).toBe('2026-10-08')
    expect((await get('/add-working-days?from=2026-10-09&days=1')).json().date).toBe('2026-10-10')
    expect(
      (await get('/working-days-between?from=2026-09-30&to=2026-10-10')).json().workingDays,
    ).toBe(3)
  })

  it('answers unknown, not a Monday–Friday guess, beyond the loaded years', async () => {
    const res = await get('/add-working-days?from=2026-12-28&days=10')
    expect(res.statusCode).toBe(422)
    expect(res.json().code).toBe('CALENDAR_YEAR_NOT_LOADED')
  })

  it('refuses a bad date with a pointer to the parameter', async () => {
    const res = await get('/add-working-days?from=2026-02-30&days=1')
    expect(res.json().errors[0].pointer).toBe('/querystring/from')
  })

  it('lets the system admin load a new year, audited, and then answers for it', async () => {
    const res = await t.app.http.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      headers: bearer(admin),
      payload: YEAR_2027,
    })
    expect(res.statusCode).toBe(200)
    expect((await get('/add-working-days?from=2026-12-31&days=1')).json().date).toBe('2027-01-04')
    const audit = await t.app.database.db
      .selectFrom('platform_audit_records')
      .select('action')
      .where('subject_id', '=', '2027')
      .execute()
    expect(audit).toEqual([{ action: 'calendar.year.loaded' }])
  })

  it('refuses invalid year data naming the field, and a caller without the permission', async () => {
    const bad = {
      ...YEAR_2027,
      holidays: [{ ...YEAR_2027.holidays[0], makeUpWorkdays: ['2027-01-06'] }],
    }
    const res = await t.app.http.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      headers: bearer(admin),
      payload: bad,
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].pointer).toBe('/holidays/0/makeUpWorkdays/0')
    const auditor = await signInStaff(t.app, 'auditor')
    const denied = await t.app.http.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      headers: bearer(auditor),
      payload: YEAR_2027,
    })
    expect(denied.statusCode).toBe(403)
  })
})
