import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_BUNDLE_SAMPLES } from '../../src/modules/catalog/demo/index.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { seedDemo, signInPerson, signInStaff } from '../support/demo.js'
import {
  START_COMPANY,
  applicantIndex,
  approvalClient,
  expectOk,
  expectProblem,
  staffIdOf,
  supplyMaterials,
} from './approval-support.js'

const sample = START_COMPANY!

interface Licence {
  identifier: string
  name: string
  holder: { name: string; code: string; kind: string }
  issuer: { name: string; code: string }
  status: string
  signatureValid: boolean
  qrPayload: string
  qrMatches?: boolean | null
}

describe.each(testDialects())('electronic licences (%s)', (dialect) => {
  let t: TestApp
  let applicant: string
  let licence: Licence
  const api = () => approvalClient(t.app)
  const verify = (query: string) =>
    t.app.http.inject({ url: `/api/v1/approval/licences/verify?${query}` })

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber))).accessToken
    const clerk = await signInStaff(t.app, 'market.li')
    const approver = await signInStaff(t.app, 'market.zhou')
    const { id } = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    await supplyMaterials(t.app, applicant, id)
    for (const token of [clerk, clerk, approver]) {
      const task = (await api().queue(token)).find((x) => x.application_id === id)
      if (!task) throw new Error('no market task')
      expectOk(await api().decide(token, task.id, true))
    }
    await t.app.runner.drain()
    const held = expectOk<Licence[]>(await api().call('GET', '/licences', applicant))
    expect(held).toHaveLength(1)
    licence = held[0] as Licence
  })
  afterAll(() => t.dispose())

  it('hands the new credit code to the other departments still working on the application', async () => {
    const taxClerk = await signInStaff(t.app, 'tax.chen')
    const task = (await api().queue(taxClerk)).find((x) => x.state === 'open')
    if (!task) throw new Error('no open tax task')
    const detail = expectOk<{ shared: { creditCode: string | null } }>(
      await api().call('GET', `/tasks/${task.id}`, taxClerk),
    )
    const issued = await t.app.database.db
      .selectFrom('approval_licences')
      .select('holder_code')
      .executeTakeFirstOrThrow()
    expect(detail.shared.creditCode).toBe(issued.holder_code)
    // The applicant sees it masked on the licence; the department works with the full code.
    expect(licence.holder.code.slice(-4)).toBe(issued.holder_code.slice(-4))
  })

  it('issues a signed business licence to the new company with a fresh credit code', () => {
    expect(licence.name).toBe('营业执照')
    expect(licence.identifier).toHaveLength(55)
    expect(licence.holder.kind).toBe('legal_person')
    expect(licence.holder.name).toBe((sample.form.company as { name: string }).name)
    expect(licence.holder.code).toMatch(/^9133\*+.{4}$/)
    expect(licence.status).toBe('valid')
    expect(licence.signatureValid).toBe(true)
  })

  it('lets anyone verify it by identifier or by its QR text, without signing in', async () => {
    const byId = expectOk<Licence>(await verify(`identifier=${licence.identifier}`))
    expect(byId.signatureValid).toBe(true)
    expect(byId.qrMatches).toBeNull()
    const byQr = expectOk<Licence>(await verify(`qr=${encodeURIComponent(licence.qrPayload)}`))
    expect(byQr.qrMatches).toBe(true)
    const forged = licence.qrPayload.replace(/:[0-9A-F]{16}$/, ':0000000000000000')
    expect(expectOk<Licence>(await verify(`qr=${encodeURIComponent(forged)}`)).qrMatches).toBe(
      false,
    )
    expectProblem(await verify('identifier=NOT-A-LICENCE'), 404, 'APPROVAL_LICENCE_NOT_FOUND')
  })

  it('lets the issuing department revoke it, and verification then says so', async () => {
    const clerk = await signInStaff(t.app, 'market.li')
    const approver = await signInStaff(t.app, 'market.zhou')
    const other = await signInStaff(t.app, 'tax.yang')
    const end = (token: string, body: object) =>
      api().call('POST', `/licences/${licence.identifier}/end`, token, body)
    expectProblem(
      await end(clerk, { how: 'revoke', reason: '虚假登记' }),
      403,
      'PLATFORM_FORBIDDEN',
    )
    expectProblem(
      await end(other, { how: 'revoke', reason: '虚假登记' }),
      403,
      'PLATFORM_FORBIDDEN',
    )
    expect(
      expectOk<Licence>(await end(approver, { how: 'revoke', reason: '提交虚假材料取得登记' }))
        .status,
    ).toBe('revoked')
    expectProblem(
      await end(approver, { how: 'cancel', reason: '再次' }),
      409,
      'APPROVAL_ACTION_NOT_ALLOWED',
    )
    const after = expectOk<Licence>(await verify(`identifier=${licence.identifier}`))
    expect(after.status).toBe('revoked')
    expect(after.signatureValid).toBe(true)
  })

  it('shows a licence altered in the database as no longer validly signed', async () => {
    await sql`update approval_licences set metadata_json = replace(metadata_json, '营业执照', '营业执照（副本）')
      where identifier = ${licence.identifier}`.execute(t.app.database.db)
    const after = expectOk<Licence>(await verify(`identifier=${licence.identifier}`))
    expect(after.signatureValid).toBe(false)
  })
})

describe.each(testDialects())('one enterprise founded by one application (%s)', (dialect) => {
  // The restaurant whose company is not registered yet: the bundle registers it too.
  const sample = DEMO_BUNDLE_SAMPLES.find(
    (s) =>
      s.bundleCode === 'open_restaurant' &&
      (s.form.company as { registered?: boolean } | undefined)?.registered === false,
  )!
  let t: TestApp
  afterAll(() => t.dispose())

  it('names it by one credit code on every licence, whichever department finishes first', async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    const api = approvalClient(t.app)
    const applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber)))
      .accessToken
    const staff = new Map<string, { token: string; id: string }>()
    for (const account of ['market.li', 'market.gao', 'market.zhou', 'health.he', 'health.lu']) {
      const token = await signInStaff(t.app, account)
      staff.set(account, { token, id: await staffIdOf(t.app, token) })
    }
    const { id } = expectOk<{ id: string }>(
      await api.submit(applicant, { kind: 'bundle', code: 'open_restaurant', form: sample.form }),
      201,
    )
    await supplyMaterials(t.app, applicant, id)
    // 食品经营许可's 受理 names market's two clerks as the inspectors of its 现场核查 (会签).
    const inspectors = [staff.get('market.li')?.id, staff.get('market.gao')?.id]
    for (let round = 0; round < 8; round++) {
      for (const [account, { token, id: me }] of staff) {
        const wanted = /\.(li|gao|he)$/.test(account) ? 'dept_staff' : 'dept_approver'
        const task = (await api.queue(token)).find(
          (x) =>
            x.application_id === id &&
            x.state === 'open' &&
            x.role === wanted &&
            (x.assignee_id === null || x.assignee_id === me),
        )
        if (!task) continue
        if (!task.assignee_id) expectOk(await api.claim(token, task.id))
        const detail = expectOk<{ editableFields: string[] }>(
          await api.call('GET', `/tasks/${task.id}`, token),
        )
        const variables = detail.editableFields.includes('/inspectors') ? { inspectors } : {}
        expectOk(
          await api.call('POST', `/tasks/${task.id}/decision`, token, {
            approved: true,
            variables,
          }),
        )
      }
      await t.app.runner.drain()
    }
    const licences: Array<{ name_zh: string; holder_code: string; holder_kind: string }> =
      await t.app.database.db
        .selectFrom('approval_licences')
        .select(['name_zh', 'holder_code', 'holder_kind'])
        .where('application_id', '=', id)
        .execute()
    expect(licences.length).toBe(sample.expectedMembers.length)
    expect(licences.map((l) => l.name_zh)).toContain('营业执照')
    expect(new Set(licences.map((l) => l.holder_code)).size).toBe(1)
    expect(licences.every((l) => l.holder_kind === 'legal_person')).toBe(true)
  })
})
