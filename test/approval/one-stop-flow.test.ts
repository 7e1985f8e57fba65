import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { seedDemo, signInPerson, signInStaff } from '../support/demo.js'
import {
  START_COMPANY,
  applicantIndex,
  approvalClient,
  expectOk,
  supplyMaterials,
  type ApplicationView,
  type TaskRow,
} from './approval-support.js'

const sample = START_COMPANY!
const DEPARTMENTS = ['market', 'public_security', 'tax', 'hrss', 'housing_fund'] as const
const STAFF: Record<(typeof DEPARTMENTS)[number], { clerk: string; approver: string }> = {
  market: { clerk: 'market.li', approver: 'market.zhou' },
  public_security: { clerk: 'public_security.wang', approver: 'public_security.liu' },
  tax: { clerk: 'tax.chen', approver: 'tax.yang' },
  hrss: { clerk: 'hrss.zhao', approver: 'hrss.huang' },
  housing_fund: { clerk: 'housing_fund.zheng', approver: 'housing_fund.feng' },
}

describe.each(testDialects())('企业开办 one-stop flow (%s)', (dialect) => {
  let t: TestApp
  let applicant: string
  const tokens = new Map<string, string>()
  const staff = (account: string) => tokens.get(account) ?? ''
  const api = () => approvalClient(t.app)

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber))).accessToken
    for (const d of DEPARTMENTS) {
      tokens.set(STAFF[d].clerk, await signInStaff(t.app, STAFF[d].clerk))
      tokens.set(STAFF[d].approver, await signInStaff(t.app, STAFF[d].approver))
    }
  })
  afterAll(() => t.dispose())

  /** Drives one department's open task of an application: claim and approve, as its role says. */
  async function approveNext(department: (typeof DEPARTMENTS)[number], applicationId: string) {
    for (const account of [STAFF[department].clerk, STAFF[department].approver]) {
      const task = (await api().queue(staff(account))).find(
        (x: TaskRow) => x.application_id === applicationId && x.state === 'open',
      )
      if (!task) continue
      const allowed =
        task.role === 'dept_approver'
          ? account === STAFF[department].approver
          : account === STAFF[department].clerk
      if (!allowed) continue
      expectOk(await api().claim(staff(account), task.id))
      expectOk(await api().decide(staff(account), task.id, true))
      return task
    }
    return null
  }

  it('fans the merged form out to five departments that work in parallel', async () => {
    const submitted = expectOk<{ id: string; caseNumber: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    expect(submitted.caseNumber).toMatch(/^330100\d{17}$/)
    const view = expectOk<ApplicationView>(await api().get(applicant, submitted.id))
    expect(view.cases).toHaveLength(sample.expectedMembers.length)
    expect(view.cases.map((c) => c.implementationCode)).toEqual(sample.expectedMembers)
    expect(view.cases.every((c) => c.status === 'in_progress')).toBe(true)
    // Every department has its first task open at once: nothing waits for another department.
    for (const d of DEPARTMENTS) {
      const queue = await api().queue(staff(STAFF[d].clerk))
      expect(queue.filter((x) => x.application_id === submitted.id)).toHaveLength(1)
    }
  })

  it('drives every department to approval and finishes the application', async () => {
    const { id } = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    // 14 required materials across the five items, one upload serving them all here.
    expect(await supplyMaterials(t.app, applicant, id)).toBe(14)
    for (let round = 0; round < 6; round++) {
      for (const d of DEPARTMENTS) await approveNext(d, id)
    }
    await t.app.runner.drain()
    const view = expectOk<ApplicationView>(await api().get(applicant, id))
    expect(view.cases.map((c) => c.status)).toEqual(view.cases.map(() => 'approved'))
    expect(view.status).toBe('approved')
    const clocks = expectOk<
      Array<{
        clock: {
          state: string
          promised: { deadline: { known: boolean; value?: string } }
          decidedOnTime: { promised: boolean }
        } | null
      }>
    >(await api().call('GET', `/applications/${id}/clocks`, applicant))
    expect(clocks).toHaveLength(5)
    for (const { clock } of clocks) {
      expect(clock?.state).toBe('stopped')
      // Submitted on Monday 2 March 2026 and decided the same day: within every promise.
      expect(clock?.promised.deadline.known).toBe(true)
      expect(clock?.decidedOnTime.promised).toBe(true)
    }
    const joint = expectOk<{
      clock: {
        state: string
        statutory: { limitDays: number }
        decidedOnTime: { statutory: boolean }
      } | null
    }>(await api().call('GET', `/applications/${id}/joint-clock`, applicant))
    // 联合办理: 45 working days for the whole bundle, met.
    expect(joint.clock?.statutory.limitDays).toBe(45)
    expect(joint.clock?.state).toBe('stopped')
    expect(joint.clock?.decidedOnTime.statutory).toBe(true)
  })
})
