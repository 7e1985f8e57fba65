import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toShanghaiDate } from '../../src/platform/calendar/index.js'
import { fixedClock } from '../../src/platform/clock.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { bearer, seedDemo, signInPerson, signInStaff } from '../support/demo.js'
import {
  START_COMPANY,
  applicantIndex,
  approvalClient,
  expectOk,
  expectProblem,
} from './approval-support.js'

interface Figures {
  applicationsPerDay: Array<{ date: string; count: number }>
  onTimeByDepartment: Array<{ departmentId: string; promisedRate: number | null }>
  waitingByDepartment: Array<{ departmentId: string; count: number }>
  workingDaysByItem: Array<{ code: string; averageWorkingDays: number }>
}

describe.each(testDialects())('GET /approval/statistics/dashboard (%s)', (dialect) => {
  let t: TestApp
  const clock = fixedClock('2026-03-02T01:00:00Z', 1)
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock })
    await seedDemo(t.app)
  })
  afterAll(() => t.dispose())
  const figures = async (account: string) =>
    t.app.http.inject({
      url: '/api/v1/approval/statistics/dashboard',
      headers: bearer(await signInStaff(t.app, account)),
    })

  it('counts a submitted application today and its open tasks per department', async () => {
    const sample = START_COMPANY!
    const applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber)))
      .accessToken
    expectOk(
      await approvalClient(t.app).submit(applicant, {
        kind: 'bundle',
        code: 'start_company',
        form: sample.form,
      }),
      201,
    )
    const body = expectOk<Figures>(await figures('sysadmin'))
    expect(body.applicationsPerDay).toHaveLength(30)
    const today = body.applicationsPerDay.at(-1)
    expect(today?.date).toBe(toShanghaiDate(clock.now()))
    expect(today?.count).toBeGreaterThanOrEqual(1)
    expect(body.waitingByDepartment.reduce((n, w) => n + w.count, 0)).toBeGreaterThan(0)
    expect(Array.isArray(body.onTimeByDepartment)).toBe(true)
    expect(Array.isArray(body.workingDaysByItem)).toBe(true)
  })

  it('refuses the auditor and department staff (三员分立: figures are the system admin’s)', async () => {
    expectProblem(await figures('auditor'), 403, 'PLATFORM_FORBIDDEN')
    expectProblem(await figures('market.li'), 403, 'PLATFORM_FORBIDDEN')
  })
})
