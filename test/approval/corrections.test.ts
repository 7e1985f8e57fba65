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
  type ApplicationView,
} from './approval-support.js'

const sample = START_COMPANY!

interface Notice {
  fields: Array<{ pointer: string; reasons: Array<{ departmentId: string; reason: string }> }>
  notes: Array<{ note: string }>
}

describe.each(testDialects())('一次告知: merged corrections (%s)', (dialect) => {
  let t: TestApp
  let applicant: string
  let marketClerk: string
  let taxClerk: string
  const api = () => approvalClient(t.app)

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber))).accessToken
    marketClerk = await signInStaff(t.app, 'market.li')
    taxClerk = await signInStaff(t.app, 'tax.chen')
  })
  afterAll(() => t.dispose())

  async function firstTask(token: string, applicationId: string) {
    const task = (await api().queue(token)).find((x) => x.application_id === applicationId)
    if (!task) throw new Error('no open task')
    return task
  }

  it('merges two departments’ requests into one notice and resumes the same instances', async () => {
    const { id } = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    const market = await firstTask(marketClerk, id)
    const tax = await firstTask(taxClerk, id)
    expectOk(await api().claim(marketClerk, market.id))
    expectOk(
      await api().call('POST', `/tasks/${market.id}/correction`, marketClerk, {
        fields: [{ pointer: '/companyName', reason: '名称含禁用字词' }],
        note: '请按名称登记规定修改',
      }),
    )
    expectOk(
      await api().call('POST', `/tasks/${tax.id}/correction`, taxClerk, {
        fields: [
          { pointer: '/taxpayerName', reason: '纳税人名称须与营业执照一致' },
          { pointer: '/financeContactPhone', reason: '号码无法接通' },
        ],
      }),
    )
    const view = expectOk<ApplicationView>(await api().get(applicant, id))
    expect(view.status).toBe('awaiting_correction')
    const notice = expectOk<Notice>(
      await api().call('GET', `/applications/${id}/correction-notice`, applicant),
    )
    // Both departments' remarks on the company name land on the one merged field.
    expect(notice.fields.map((f) => f.pointer)).toEqual(['/company/name', '/finance/phone'])
    expect(notice.fields[0]?.reasons).toHaveLength(2)
    expect(notice.notes.map((n) => n.note)).toEqual(['请按名称登记规定修改'])

    // While waiting, the department cannot decide.
    expectProblem(
      await api().decide(marketClerk, market.id, true),
      409,
      'APPROVAL_ACTION_NOT_ALLOWED',
    )

    const fixed = {
      ...sample.form,
      company: { ...(sample.form.company as object), name: '示范市星河数智科技有限公司二部' },
      finance: { ...(sample.form.finance as object), phone: '13800000099' },
    }
    // The materials come with the correction: attached while the case waits.
    await supplyMaterials(t.app, applicant, id)
    expectOk(await api().call('PUT', `/applications/${id}/form`, applicant, { form: fixed }))
    const after = expectOk<ApplicationView>(await api().get(applicant, id))
    expect(after.status).toBe('in_progress')
    // The same task, in the same process instance, carries on.
    expectOk(await api().decide(marketClerk, market.id, true))
    const timeline = expectOk<Array<{ type: string; caseId: string }>>(
      await api().call('GET', `/applications/${id}/timeline`, applicant),
    )
    expect(timeline.filter((e) => e.type === 'case.correction_requested')).toHaveLength(2)
    expect(timeline.filter((e) => e.type === 'case.correction_resubmitted')).toHaveLength(2)
    expect(timeline.filter((e) => e.type === 'instance_started')).toHaveLength(5)
  })

  it('refuses a resubmission with nothing to correct, and a form that fails its schema', async () => {
    const { id } = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    expectProblem(
      await api().call('PUT', `/applications/${id}/form`, applicant, { form: sample.form }),
      409,
      'APPROVAL_NOTHING_TO_CORRECT',
    )
    const body = expectProblem(
      await api().call('PUT', `/applications/${id}/form`, applicant, { form: { applicant: {} } }),
      400,
      'PLATFORM_VALIDATION_FAILED',
    )
    expect(body.errors?.some((e) => e.pointer === '/form/company')).toBe(true)
  })
})
