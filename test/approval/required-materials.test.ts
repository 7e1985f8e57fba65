import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ITEMS } from '../../src/modules/catalog/demo/index.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { countRows } from '../support/counts.js'
import { testDialects } from '../support/databases.js'
import { bearer, seedDemo, signInPerson, signInStaff } from '../support/demo.js'
import {
  SAMPLE_PDF,
  START_COMPANY,
  applicantIndex,
  approvalClient,
  expectOk,
  expectProblem,
  supplyMaterials,
  type ApplicationView,
  type TaskRow,
} from './approval-support.js'

const sample = START_COMPANY!
const itemOf = (department: string) => {
  const item = DEMO_ITEMS.find((i) => i.departmentCode === department)
  if (!item) throw new Error(`no ${department} item`)
  return item
}
const MARKET = itemOf('market')
const SEAL = itemOf('public_security')
const TABLES = [
  'approval_applications',
  'approval_cases',
  'approval_actions',
  'approval_tasks',
  'approval_case_materials',
  'approval_licences',
  'platform_audit_records',
  'platform_jobs',
  'platform_notifications',
]

describe.each(testDialects())('required materials before an approving decision (%s)', (dialect) => {
  let t: TestApp
  let applicant: string
  const staff = new Map<string, string>()
  const as = (account: string) => staff.get(account) ?? ''
  const api = () => approvalClient(t.app)
  const counts = () => countRows(t.app.database.db, TABLES)

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber))).accessToken
    for (const account of [
      'market.li',
      'market.zhou',
      'public_security.wang',
      'tax.chen',
      'tax.yang',
    ])
      staff.set(account, await signInStaff(t.app, account))
  })
  afterAll(() => t.dispose())

  const submit = async () =>
    expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    ).id

  async function openTask(account: string, applicationId: string): Promise<TaskRow> {
    const task = (await api().queue(as(account))).find((x) => x.application_id === applicationId)
    if (!task) throw new Error(`${account} has no task of ${applicationId}`)
    return task
  }

  /** Attaches one fresh upload (or a held licence) as material `code` of member `item`. */
  async function attach(applicationId: string, item: string, code: string, licence?: object) {
    const upload = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/approval/materials',
      headers: { ...bearer(applicant), 'content-type': 'application/pdf', 'x-file-name': 'a.pdf' },
      payload: SAMPLE_PDF,
    })
    const materialId = expectOk<{ id: string }>(upload, 201).id
    const body = licence ? { item, code, licence } : { item, code, materialId }
    expectOk(
      await api().call('POST', `/applications/${applicationId}/materials`, applicant, body),
      201,
    )
  }

  it('refuses to approve with required materials missing, names each, and writes nothing', async () => {
    const id = await submit()
    const required = MARKET.materials.filter((m) => m.required).map((m) => m.code)
    for (const code of required.slice(0, 2)) await attach(id, MARKET.implementationCode, code)
    const task = await openTask('market.li', id)
    // The task page lists them before anyone tries to decide.
    const detail = expectOk<{ missingMaterials: Array<{ code: string; name: { zh: string } }> }>(
      await api().call('GET', `/tasks/${task.id}`, as('market.li')),
    )
    expect(detail.missingMaterials.map((m) => m.code)).toEqual(required.slice(2))
    expect(detail.missingMaterials.every((m) => m.name.zh.length > 0)).toBe(true)
    const before = await counts()
    const refused = expectProblem(
      await api().decide(as('market.li'), task.id, true),
      409,
      'APPROVAL_MATERIALS_MISSING',
    )
    expect(refused.errors?.map((e) => e.pointer)).toEqual(
      required.slice(2).map((code) => `/materials/${code}`),
    )
    expect(refused.errors?.every((e) => e.code === 'material_missing')).toBe(true)
    expect(await counts()).toEqual(before)
    // Nothing moved: the task is still open and nobody's (a decision would have claimed it).
    const still = await openTask('market.li', id)
    expect([still.id, still.state, still.assignee_id]).toEqual([task.id, 'open', null])
  })

  it('lets staff reject or ask for the materials (补正), then approve once they are attached', async () => {
    const id = await submit()
    // Refusing needs no materials: the tax case is refused step by step to its end.
    for (const account of ['tax.chen', 'tax.chen', 'tax.yang']) {
      const tax = await openTask(account, id)
      expectOk(await api().decide(as(account), tax.id, false, '经营范围涉及前置审批'))
    }
    // 补正 is how the clerk asks for what is missing: the pointers the refusal named.
    const task = await openTask('market.li', id)
    const refused = expectProblem(
      await api().decide(as('market.li'), task.id, true),
      409,
      'APPROVAL_MATERIALS_MISSING',
    )
    const fields = (refused.errors ?? []).map((e) => ({ pointer: e.pointer, reason: '请上传' }))
    expectOk(await api().call('POST', `/tasks/${task.id}/correction`, as('market.li'), { fields }))
    const notice = expectOk<{ fields: Array<{ pointer: string }> }>(
      await api().call('GET', `/applications/${id}/correction-notice`, applicant),
    )
    expect(notice.fields.map((f) => f.pointer)).toEqual(fields.map((f) => f.pointer).sort())
    await supplyMaterials(t.app, applicant, id, [MARKET.implementationCode])
    const supplied = expectOk<{ missingMaterials: unknown[] }>(
      await api().call('GET', `/tasks/${task.id}`, as('market.li')),
    )
    expect(supplied.missingMaterials).toEqual([])
    expectOk(await api().call('PUT', `/applications/${id}/form`, applicant, { form: sample.form }))
    expectOk(await api().decide(as('market.li'), task.id, true))
    const view = expectOk<ApplicationView>(await api().get(applicant, id))
    expect(view.cases.map((c) => c.status)).toContain('rejected')
    expect(view.status).toBe('in_progress')
  })

  it('counts a held licence used instead (免提交) while it is valid, not once revoked', async () => {
    // The first application founds the company: its business licence is then held.
    const first = await submit()
    await supplyMaterials(t.app, applicant, first, [MARKET.implementationCode])
    for (const account of ['market.li', 'market.li', 'market.zhou']) {
      const task = await openTask(account, first)
      expectOk(await api().decide(as(account), task.id, true))
    }
    await t.app.runner.drain()
    const [held] = expectOk<Array<{ identifier: string }>>(
      await api().call('GET', '/licences', applicant),
    )
    const second = await submit()
    await attach(second, SEAL.implementationCode, 'business_licence', {
      identifier: held?.identifier,
      reason: '营业执照已由本平台核发，免于提交',
    })
    await attach(second, SEAL.implementationCode, 'legal_representative_id')
    const accept = await openTask('public_security.wang', second)
    expectOk(await api().decide(as('public_security.wang'), accept.id, true))
    expectOk(
      await api().call('POST', `/licences/${held?.identifier}/end`, as('market.zhou'), {
        how: 'revoke',
        reason: '提交虚假材料取得登记',
      }),
    )
    const next = await openTask('public_security.wang', second)
    const refused = expectProblem(
      await api().decide(as('public_security.wang'), next.id, true),
      409,
      'APPROVAL_MATERIALS_MISSING',
    )
    expect(refused.errors?.map((e) => e.pointer)).toEqual(['/materials/business_licence'])
  })
})
