import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { seedDemo, signInPerson, signInStaff } from '../support/demo.js'
import {
  START_COMPANY,
  applicantIndex,
  approvalClient,
  expectOk,
  expectProblem,
  supplyMaterials,
} from './approval-support.js'

const sample = START_COMPANY!

interface Clock {
  caseId: string
  clock: { extensionDays: number; statutory: { limitDays: number } } | null
}

describe.each(testDialects())('extensions and special procedures (%s)', (dialect) => {
  let t: TestApp
  const api = () => approvalClient(t.app)

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
  })
  afterAll(() => t.dispose())

  it('extends the statutory limit once, when the approver grants it, and pauses for a special procedure', async () => {
    const applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber)))
      .accessToken
    const clerk = await signInStaff(t.app, 'market.li')
    const approver = await signInStaff(t.app, 'market.zhou')
    const { id } = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    await supplyMaterials(t.app, applicant, id)
    const accept = (await api().queue(clerk)).find((x) => x.application_id === id)
    expectOk(await api().decide(clerk, accept?.id ?? '', true))
    const review = (await api().queue(clerk)).find((x) => x.application_id === id)
    const taskId = review?.id ?? ''
    const caseId = review?.case_id ?? ''
    expectProblem(
      await api().call('POST', `/tasks/${taskId}/extension`, clerk, {
        days: 12,
        reason: '需补充核查',
      }),
      400,
      'PLATFORM_VALIDATION_FAILED',
    )
    expectOk(
      await api().call('POST', `/tasks/${taskId}/extension`, clerk, {
        days: 5,
        reason: '股东身份需跨省核验',
      }),
    )
    expectProblem(
      await api().call('POST', `/tasks/${taskId}/extension`, clerk, { days: 5, reason: '再次' }),
      409,
      'APPROVAL_ACTION_NOT_ALLOWED',
    )
    expectProblem(
      await api().call('POST', `/cases/${caseId}/extension/decision`, clerk, { granted: true }),
      403,
      'PLATFORM_FORBIDDEN',
    )
    expectOk(
      await api().call('POST', `/cases/${caseId}/extension/decision`, approver, { granted: true }),
    )
    const clocks = expectOk<Clock[]>(
      await api().call('GET', `/applications/${id}/clocks`, applicant),
    )
    const market = clocks.find((c) => c.caseId === caseId)?.clock
    expect(market?.extensionDays).toBe(5)

    const start = { kind: 'expert_review', change: 'start', reason: '名称争议提交专家评审' }
    expectOk(await api().call('POST', `/tasks/${taskId}/special-procedures`, clerk, start))
    expectProblem(
      await api().call('POST', `/tasks/${taskId}/special-procedures`, clerk, start),
      409,
      'APPROVAL_ACTION_NOT_ALLOWED',
    )
    expectOk(
      await api().call('POST', `/tasks/${taskId}/special-procedures`, clerk, {
        kind: 'expert_review',
        change: 'end',
      }),
    )
    const timeline = expectOk<Array<{ type: string }>>(
      await api().call('GET', `/applications/${id}/timeline`, applicant),
    )
    expect(timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'case.extension_requested',
        'case.extension_decided',
        'case.special_procedure_started',
        'case.special_procedure_ended',
      ]),
    )
  })
})
