import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { countRows } from '../support/counts.js'
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
const TABLES = [
  'approval_applications',
  'approval_cases',
  'approval_actions',
  'approval_tasks',
  'platform_audit_records',
  'platform_jobs',
]

describe.each(testDialects())('approval: bad input and conflicts (%s)', (dialect) => {
  let t: TestApp
  let applicant: string
  let stranger: string
  let marketClerk: string
  let taxClerk: string
  const api = () => approvalClient(t.app)
  const counts = () => countRows(t.app.database.db, TABLES)

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    const index = applicantIndex(sample.applicantIdNumber)
    applicant = (await signInPerson(t.app, index)).accessToken
    stranger = (await signInPerson(t.app, index === 0 ? 1 : 0)).accessToken
    marketClerk = await signInStaff(t.app, 'market.li')
    taxClerk = await signInStaff(t.app, 'tax.chen')
  })
  afterAll(() => t.dispose())

  it('refuses unknown bundles and items, and writes nothing', async () => {
    const before = await counts()
    expectProblem(
      await api().submit(applicant, { kind: 'bundle', code: 'no_such_bundle', form: {} }),
      404,
      'APPROVAL_SUBJECT_NOT_FOUND',
    )
    expectProblem(
      await api().submit(applicant, { kind: 'item', code: 'NO-SUCH-ITEM-000', form: {} }),
      404,
      'APPROVAL_SUBJECT_NOT_FOUND',
    )
    expect(await counts()).toEqual(before)
  })

  it('lists every failing field of the merged form, and writes nothing', async () => {
    const before = await counts()
    const company: Record<string, unknown> = {
      ...(sample.form.company as Record<string, unknown>),
      registeredCapital: 'a lot',
    }
    delete company.name
    const body = expectProblem(
      await api().submit(applicant, {
        kind: 'bundle',
        code: 'start_company',
        form: { ...sample.form, company },
      }),
      400,
      'PLATFORM_VALIDATION_FAILED',
    )
    const pointers = body.errors?.map((e) => e.pointer) ?? []
    expect(pointers).toContain('/form/company/name')
    expect(pointers).toContain('/form/company/registeredCapital')
    expect(await counts()).toEqual(before)
  })

  it('refuses acting for an enterprise the applicant is no agent of', async () => {
    expectProblem(
      await api().submit(applicant, {
        kind: 'bundle',
        code: 'start_company',
        form: sample.form,
        enterpriseId: 'not-mine',
      }),
      403,
      'APPROVAL_NOT_AGENT',
    )
  })

  it('returns the first application for a retried Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `retry-${dialect}-1` }
    const first = expectOk<{ id: string }>(
      await api().submit(
        applicant,
        { kind: 'bundle', code: 'start_company', form: sample.form },
        headers,
      ),
      201,
    )
    const before = await counts()
    const again = expectOk<{ id: string }>(
      await api().submit(
        applicant,
        { kind: 'bundle', code: 'start_company', form: sample.form },
        headers,
      ),
      201,
    )
    expect(again.id).toBe(first.id)
    expect(await counts()).toEqual(before)
  })

  it('forbids staff of another department, refuses a decided task, and hides applications from strangers', async () => {
    const { id } = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    await supplyMaterials(t.app, applicant, id)
    const task = (await api().queue(marketClerk)).find((x) => x.application_id === id)
    if (!task) throw new Error('no market task')
    const before = await counts()
    expectProblem(await api().claim(taxClerk, task.id), 403, 'PLATFORM_FORBIDDEN')
    expect(await counts()).toEqual(before)
    expectOk(await api().decide(marketClerk, task.id, true))
    const decided = await counts()
    expectProblem(
      await api().decide(marketClerk, task.id, true),
      409,
      'APPROVAL_TASK_ALREADY_DECIDED',
    )
    expect(await counts()).toEqual(decided)
    expectProblem(await api().get(stranger, id), 404, 'APPROVAL_APPLICATION_NOT_FOUND')
  })

  it('shows a step its form and refuses fields the step may not edit', async () => {
    const { id } = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    const task = (await api().queue(marketClerk)).find((x) => x.application_id === id)
    if (!task) throw new Error('no market task')
    const detail = expectOk<{ form: Record<string, unknown>; editableFields: string[] }>(
      await api().call('GET', `/tasks/${task.id}`, marketClerk),
    )
    expect(detail.form.companyName).toBe((sample.form.company as { name: string }).name)
    expect(detail.editableFields).toEqual([])
    expectProblem(await api().call('GET', `/tasks/${task.id}`, taxClerk), 403, 'PLATFORM_FORBIDDEN')
    const before = await counts()
    const body = expectProblem(
      await api().call('POST', `/tasks/${task.id}/decision`, marketClerk, {
        approved: true,
        variables: { companyName: '改名' },
      }),
      400,
      'PLATFORM_VALIDATION_FAILED',
    )
    expect(body.errors?.[0]).toMatchObject({
      pointer: '/variables/companyName',
      code: 'not_editable',
    })
    expect(await counts()).toEqual(before)
  })

  it('requires a reason to reject, and to withdraw', async () => {
    const { id } = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    const task = (await api().queue(marketClerk)).find((x) => x.application_id === id)
    if (!task) throw new Error('no market task')
    const body = expectProblem(
      await api().decide(marketClerk, task.id, false),
      400,
      'PLATFORM_VALIDATION_FAILED',
    )
    expect(body.errors?.[0]?.pointer).toBe('/reason')
    expectProblem(
      await api().call('POST', `/applications/${id}/withdraw`, applicant, {}),
      400,
      'PLATFORM_VALIDATION_FAILED',
    )
    const withdrawn = expectOk<{ status: string }>(
      await api().call('POST', `/applications/${id}/withdraw`, applicant, {
        reason: '改为线下办理',
      }),
    )
    expect(withdrawn.status).toBe('withdrawn')
    expectProblem(
      await api().call('POST', `/applications/${id}/withdraw`, applicant, { reason: '再次撤回' }),
      409,
      'APPROVAL_ACTION_NOT_ALLOWED',
    )
    // The withdrawn case's task cannot be taken up any more.
    expectProblem(await api().claim(marketClerk, task.id), 409, 'APPROVAL_ACTION_NOT_ALLOWED')
  })
})
