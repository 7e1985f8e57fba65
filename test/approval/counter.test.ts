import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { countRows } from '../support/counts.js'
import { testDialects } from '../support/databases.js'
import { seedDemo, signIn, signInPerson, signInStaff, staffPhone } from '../support/demo.js'
import {
  START_COMPANY,
  applicantIndex,
  approvalClient,
  expectOk,
  expectProblem,
} from './approval-support.js'

const sample = START_COMPANY!
const consent = { method: 'signature', reference: '窗口授权书 No.2026-0302-001' }

describe.each(testDialects())('窗口代办: counter staff apply for a citizen (%s)', (dialect) => {
  let t: TestApp
  const api = () => approvalClient(t.app)
  const tables = ['approval_applications', 'approval_cases', 'platform_audit_records']

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
  })
  afterAll(() => t.dispose())

  it('files the application as the citizen’s, on the counter channel, with the consent recorded', async () => {
    const counter = (await signIn(t.app, 'staff', 'market.li', staffPhone('market.li'), 'counter'))
      .accessToken
    const body = {
      kind: 'bundle',
      code: 'start_company',
      form: sample.form,
      onBehalfOf: { idNumber: sample.applicantIdNumber, consent },
    }
    const { id } = expectOk<{ id: string }>(await api().submit(counter, body), 201)
    const citizen = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber)))
      .accessToken
    const mine = expectOk<Array<{ id: string; channel: string }>>(
      await api().call('GET', '/applications', citizen),
    )
    expect(mine.find((a) => a.id === id)?.channel).toBe('counter')
    const audit = await t.app.database.db
      .selectFrom('platform_audit_records')
      .select('after_json')
      .where('action', '=', 'approval.application.submitted')
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(String(audit.after_json))).toMatchObject({
      consent: { method: 'signature', reference: consent.reference },
    })
  })

  it('refuses web-channel staff, unregistered citizens and citizens acting for others, writing nothing', async () => {
    const web = await signInStaff(t.app, 'market.li')
    const counter = (await signIn(t.app, 'staff', 'market.li', staffPhone('market.li'), 'counter'))
      .accessToken
    const citizen = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber)))
      .accessToken
    const before = await countRows(t.app.database.db, tables)
    const body = (idNumber: string) => ({
      kind: 'bundle',
      code: 'start_company',
      form: sample.form,
      onBehalfOf: { idNumber, consent },
    })
    expectProblem(
      await api().submit(web, body(sample.applicantIdNumber)),
      409,
      'APPROVAL_ACTION_NOT_ALLOWED',
    )
    const unknown = expectProblem(
      await api().submit(counter, body('110105194912310021')),
      400,
      'PLATFORM_VALIDATION_FAILED',
    )
    expect(unknown.errors?.[0]?.pointer).toBe('/onBehalfOf/idNumber')
    expectProblem(
      await api().submit(citizen, body(sample.applicantIdNumber)),
      403,
      'PLATFORM_FORBIDDEN',
    )
    expect(await countRows(t.app.database.db, tables)).toEqual(before)
  })
})
