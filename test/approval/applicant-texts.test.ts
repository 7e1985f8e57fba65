import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { DEMO_PERSONS, seedDemo, signInPerson, signInStaff } from '../support/demo.js'
import {
  START_COMPANY,
  START_COMPANY_STAFF,
  accountFor,
  applicantIndex,
  approvalClient,
  expectOk,
  supplyMaterials,
  type ApplicationView,
  type StartCompanyDepartment,
} from './approval-support.js'

const sample = START_COMPANY!
const DEPARTMENTS = Object.keys(START_COMPANY_STAFF) as StartCompanyDepartment[]
const phone = DEMO_PERSONS[applicantIndex(sample.applicantIdNumber)]!.phone

describe.each(testDialects())('texts to the applicant (%s)', (dialect) => {
  let t: TestApp
  let applicant: string
  const tokens = new Map<string, string>()
  const api = () => approvalClient(t.app)

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber))).accessToken
    for (const d of DEPARTMENTS) {
      for (const account of Object.values(START_COMPANY_STAFF[d]))
        tokens.set(account, await signInStaff(t.app, account))
    }
  })
  afterAll(() => t.dispose())

  /** The approval texts this applicant received, oldest first. */
  async function texts(): Promise<Array<{ template: string; body: string }>> {
    const res = await t.app.http.inject({ url: `/api/v1/demo/sms?phone=${phone}` })
    return res
      .json<Array<{ template: string; body: string }>>()
      .filter((m) => m.template.startsWith('approval.sms.'))
      .reverse()
  }

  async function openTask(department: StartCompanyDepartment, applicationId: string) {
    for (const account of Object.values(START_COMPANY_STAFF[department])) {
      const task = (await api().queue(tokens.get(account) ?? '')).find(
        (x) => x.application_id === applicationId && x.state === 'open',
      )
      if (task && accountFor(department, task) === account) return { task, token: account }
    }
    return null
  }

  async function decideAll(applicationId: string, approve: (d: StartCompanyDepartment) => boolean) {
    await supplyMaterials(t.app, applicant, applicationId)
    for (let round = 0; round < 6; round++) {
      for (const d of DEPARTMENTS) {
        const open = await openTask(d, applicationId)
        if (!open) continue
        const token = tokens.get(open.token) ?? ''
        // A task its clerk handled before the correction is still theirs after the resubmission.
        if (!open.task.assignee_id) expectOk(await api().claim(token, open.task.id))
        const yes = approve(d)
        expectOk(
          await api().decide(token, open.task.id, yes, yes ? undefined : '经营范围涉及前置审批'),
        )
      }
    }
    await t.app.runner.drain()
  }

  it('texts one correction notice for two departments, and the decision at the end', async () => {
    const before = (await texts()).length
    const { id, caseNumber } = expectOk<{ id: string; caseNumber: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    const market = await openTask('market', id)
    const tax = await openTask('tax', id)
    expectOk(await api().claim(tokens.get('market.li') ?? '', market!.task.id))
    for (const [open, pointer] of [
      [market, '/companyName'],
      [tax, '/taxpayerName'],
    ] as const) {
      expectOk(
        await api().call(
          'POST',
          `/tasks/${open!.task.id}/correction`,
          tokens.get(open!.token) ?? '',
          {
            fields: [{ pointer, reason: '与营业执照不一致' }],
          },
        ),
      )
    }
    let received = (await texts()).slice(before)
    expect(received.map((m) => m.template)).toEqual(['approval.sms.awaiting_correction'])
    expect(received[0]?.body).toContain(caseNumber)
    expect(received[0]?.body).toContain('一次告知')

    expectOk(
      await api().call('PUT', `/applications/${id}/form`, applicant, {
        form: sample.form,
      }),
    )
    await decideAll(id, () => true)
    expect(expectOk<ApplicationView>(await api().get(applicant, id)).status).toBe('approved')
    received = (await texts()).slice(before)
    expect(received.map((m) => m.template)).toEqual([
      'approval.sms.awaiting_correction',
      'approval.sms.approved',
    ])
    // The outbox keeps the masked number only.
    const stored = await t.app.database.db
      .selectFrom('platform_notifications')
      .select(['recipient_masked'])
      .where('template', '=', 'approval.sms.approved')
      .execute()
    expect(stored.every((r) => !r.recipient_masked.includes(phone))).toBe(true)
  })

  it('texts a partial approval with the way to see the reasons', async () => {
    const before = (await texts()).length
    const { id } = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    await decideAll(id, (d) => d !== 'housing_fund')
    expect(expectOk<ApplicationView>(await api().get(applicant, id)).status).toBe(
      'partially_approved',
    )
    const received = (await texts()).slice(before)
    expect(received.map((m) => m.template)).toEqual(['approval.sms.partially_approved'])
  })
})
