import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ITEMS } from '../../src/modules/catalog/demo/index.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { countRows } from '../support/counts.js'
import { testDialects } from '../support/databases.js'
import { bearer, seedDemo, signInPerson, signInStaff } from '../support/demo.js'
import {
  START_COMPANY,
  applicantIndex,
  approvalClient,
  expectOk,
  expectProblem,
  supplyMaterials,
} from './approval-support.js'

const sample = START_COMPANY!
const SEAL =
  DEMO_ITEMS.find((i) => i.departmentCode === 'public_security')?.implementationCode ?? ''
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.alloc(2048, 0x20),
  Buffer.from('\n%%EOF\n'),
])
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])

interface Checklist {
  implementationCode: string
  materials: Array<{
    code: string
    attached: Array<{ via: string }>
    heldLicences: Array<{ identifier: string }>
  }>
}

describe.each(testDialects())('materials and licence reuse (%s)', (dialect) => {
  let t: TestApp
  let applicant: string
  const api = () => approvalClient(t.app)
  const upload = (body: Buffer, type: string, name = 'id-card.pdf') =>
    t.app.http.inject({
      method: 'POST',
      url: '/api/v1/approval/materials',
      headers: {
        ...bearer(applicant),
        'content-type': type,
        'x-file-name': encodeURIComponent(name),
      },
      payload: body,
    })

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber))).accessToken
  })
  afterAll(() => t.dispose())

  it('stores an upload once per content hash and refuses content that is not what it says', async () => {
    const first = expectOk<{ hash: string; size: number }>(
      await upload(PDF, 'application/pdf', '身份证.pdf'),
      201,
    )
    const again = expectOk<{ hash: string }>(await upload(PDF, 'application/pdf'), 201)
    expect(again.hash).toBe(first.hash)
    expect(await countRows(t.app.database.db, ['approval_material_blobs'])).toEqual({
      approval_material_blobs: 1,
    })
    const before = await countRows(t.app.database.db, [
      'approval_materials',
      'approval_material_blobs',
    ])
    const lying = expectProblem(
      await upload(PNG, 'application/pdf'),
      400,
      'PLATFORM_VALIDATION_FAILED',
    )
    expect(lying.errors?.[0]?.code).toBe('type_not_allowed')
    expect((await upload(Buffer.from('MZ...'), 'application/x-msdownload')).statusCode).toBe(415)
    expect(
      (await upload(Buffer.alloc(10 * 1024 * 1024 + 10, 0x25), 'application/pdf')).statusCode,
    ).toBe(413)
    expect(
      await countRows(t.app.database.db, ['approval_materials', 'approval_material_blobs']),
    ).toEqual(before)
  })

  it('offers a held licence instead of an upload and logs its use with the reason', async () => {
    const clerk = await signInStaff(t.app, 'market.li')
    const approver = await signInStaff(t.app, 'market.zhou')
    const first = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    await supplyMaterials(t.app, applicant, first.id)
    for (const token of [clerk, clerk, approver]) {
      const task = (await api().queue(token)).find((x) => x.application_id === first.id)
      expectOk(await api().decide(token, task?.id ?? '', true))
    }
    await t.app.runner.drain()
    const second = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    const checklist = expectOk<Checklist[]>(
      await api().call('GET', `/applications/${second.id}/materials`, applicant),
    )
    const seal = checklist.find((c) => c.implementationCode === SEAL)
    const offer = seal?.materials.find((m) => m.code === 'business_licence')?.heldLicences[0]
    expect(offer?.identifier).toHaveLength(55)
    const attachLicence = (reason: string) =>
      api().call('POST', `/applications/${second.id}/materials`, applicant, {
        item: SEAL,
        code: 'business_licence',
        licence: { identifier: offer?.identifier, reason },
      })
    expectProblem(await attachLicence('  '), 400, 'PLATFORM_VALIDATION_FAILED')
    expectOk(await attachLicence('营业执照已由本平台核发，免于提交'), 201)
    const timeline = expectOk<Array<{ type: string; detail: { reason?: string } }>>(
      await api().call('GET', `/applications/${second.id}/timeline`, applicant),
    )
    expect(timeline.find((e) => e.type === 'case.material_attached')?.detail.reason).toBe(
      '营业执照已由本平台核发，免于提交',
    )
    const pdf = expectOk<{ id: string }>(await upload(PDF, 'application/pdf'), 201)
    expectOk(
      await api().call('POST', `/applications/${second.id}/materials`, applicant, {
        item: SEAL,
        code: 'legal_representative_id',
        materialId: pdf.id,
      }),
      201,
    )
    expectProblem(
      await api().call('POST', `/applications/${second.id}/materials`, applicant, {
        item: SEAL,
        code: 'no_such_material',
        materialId: pdf.id,
      }),
      400,
      'PLATFORM_VALIDATION_FAILED',
    )
  })
})
