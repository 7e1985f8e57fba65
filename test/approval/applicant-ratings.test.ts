import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { DEMO_PERSONS, seedDemo, signInPerson, signInStaff } from '../support/demo.js'
import {
  START_COMPANY,
  applicantIndex,
  approvalClient,
  expectOk,
  expectProblem,
  supplyMaterials,
  type ApplicationView,
} from './approval-support.js'

const sample = START_COMPANY!

interface Given {
  caseId: string
  score: number
  workOrder: { status: string; response: string | null } | null
}

describe.each(testDialects())('the applicant reads their ratings back (%s)', (dialect) => {
  let t: TestApp
  let applicant: string
  let clerk: string
  let id: string
  const api = () => approvalClient(t.app)

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber))).accessToken
    clerk = await signInStaff(t.app, 'market.li')
    const approver = await signInStaff(t.app, 'market.zhou')
    id = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    ).id
    await supplyMaterials(t.app, applicant, id)
    for (const token of [clerk, clerk, approver]) {
      const task = (await api().queue(token)).find((x) => x.application_id === id)
      if (!task) throw new Error('no market task')
      expectOk(await api().decide(token, task.id, true))
    }
    await t.app.runner.drain() // the licence is issued, and the market case finishes
  })
  afterAll(() => t.dispose())

  it('lists nothing before a rating, then the score and the department’s answer', async () => {
    expect(
      expectOk<Given[]>(await api().call('GET', `/applications/${id}/ratings`, applicant)),
    ).toEqual([])
    const view = expectOk<ApplicationView>(await api().get(applicant, id))
    const finished = view.cases.find((c) => c.status === 'approved')!
    const rated = expectOk<{ workOrder: { id: string } }>(
      await api().call('POST', `/cases/${finished.id}/rating`, applicant, { score: 2 }),
      201,
    )
    expectOk(
      await api().call('POST', `/work-orders/${rated.workOrder.id}/response`, clerk, {
        text: '已约谈窗口人员，整改中',
      }),
    )
    const given = expectOk<Given[]>(
      await api().call('GET', `/applications/${id}/ratings`, applicant),
    )
    expect(given).toEqual([
      expect.objectContaining({
        caseId: finished.id,
        score: 2,
        workOrder: expect.objectContaining({
          status: 'responded',
          response: '已约谈窗口人员，整改中',
        }),
      }),
    ])
  })

  it('shows them to nobody else', async () => {
    const other = DEMO_PERSONS.findIndex((p) => p.idNumber !== sample.applicantIdNumber)
    const stranger = (await signInPerson(t.app, other)).accessToken
    expectProblem(
      await api().call('GET', `/applications/${id}/ratings`, stranger),
      403,
      'PLATFORM_FORBIDDEN',
    )
  })
})
