import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  readApprovalLog,
  APPROVAL_CORRECTION_ACTIVITY,
} from '../../src/modules/insight/approval/approval-events.js'
import { caseActivities } from '../../src/modules/insight/log/event-log.js'
import { correctionLoops } from '../../src/modules/insight/rework/corrections.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { seedDemo, signInPerson, signInStaff } from '../support/demo.js'
import {
  START_COMPANY,
  applicantIndex,
  approvalClient,
  expectOk,
  supplyMaterials,
} from '../approval/approval-support.js'

const sample = START_COMPANY!

describe.each(testDialects())('approval actions as an event log (%s)', (dialect) => {
  let t: TestApp
  let applicationId: string
  const api = () => approvalClient(t.app)

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    const applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber)))
      .accessToken
    const clerk = await signInStaff(t.app, 'market.li')
    const submitted = await api().submit(applicant, {
      kind: 'bundle',
      code: 'start_company',
      form: sample.form,
    })
    applicationId = expectOk<{ id: string }>(submitted, 201).id
    const task = (await api().queue(clerk)).find((x) => x.application_id === applicationId)!
    expectOk(await api().claim(clerk, task.id))
    expectOk(
      await api().call('POST', `/tasks/${task.id}/correction`, clerk, {
        fields: [{ pointer: '/companyName', reason: '名称含禁用字词' }],
      }),
    )
    await supplyMaterials(t.app, applicant, applicationId)
    const fixed = {
      ...sample.form,
      company: { ...(sample.form.company as object), name: '示范市星河数智科技有限公司二部' },
    }
    expectOk(
      await api().call('PUT', `/applications/${applicationId}/form`, applicant, { form: fixed }),
    )
    expectOk(await api().decide(clerk, task.id, true))
  })
  afterAll(() => t.dispose())

  it('makes every case of the bundle a trace with its item, department, bundle and channel', async () => {
    const { log, report } = await readApprovalLog(t.app.approval.eventLog, { pageSize: 7 })
    expect(report.total).toBe(0)
    expect(log.caseCount).toBe(5) // 企业开办: one case per department
    const bundle = log.caseAttributes.find((a) => a.key === 'bundle')!
    expect([...bundle.ids].map((id) => bundle.names[id])).toEqual(Array(5).fill('start_company'))
    expect(log.caseAttributes.find((a) => a.key === 'channel')?.names).toEqual(['web'])
    const departments = log.caseAttributes.find((a) => a.key === 'department')!
    expect(new Set(departments.names).size).toBe(5)
    expect(log.groupNames).toEqual(departments.names)
  })

  it('records the market case step by step: claimed, 补正, resubmitted, decided by the clerk', async () => {
    const { log } = await readApprovalLog(t.app.approval.eventLog)
    const market = log.caseIds.findIndex((_, c) =>
      caseActivities(log, c).includes(APPROVAL_CORRECTION_ACTIVITY),
    )
    expect(market).toBeGreaterThanOrEqual(0)
    const activities = caseActivities(log, market)
    expect(activities.slice(0, 2)).toEqual(['提交申请', '开始办理'])
    expect(activities).toContain('补正后重新提交')
    const from = log.caseStart[market]!
    const to = log.caseStart[market + 1]!
    const lifecycles = Array.from(
      { length: to - from },
      (_, i) => log.lifecycleNames[log.lifecycle[from + i]!],
    )
    expect(lifecycles).toEqual(expect.arrayContaining(['schedule', 'start', 'complete']))
    const outcome = log.eventAttributes.find((a) => a.key === 'outcome')!
    const decided = Array.from(
      { length: to - from },
      (_, i) => outcome.names[outcome.ids[from + i]!],
    ).filter(Boolean)
    expect(decided).toEqual(['approved'])
    // The clerk who claimed and decided is the resource; the applicant is not named.
    const resources = new Set(
      Array.from({ length: to - from }, (_, i) => log.resourceNames[log.resource[from + i]!]),
    )
    expect([...resources].some((r) => r !== undefined && /^[0-9a-f-]{36}$/.test(r))).toBe(true)
    expect(resources.has('person')).toBe(true)
  })

  it('counts the 补正 round per department and per item', async () => {
    const { log } = await readApprovalLog(t.app.approval.eventLog)
    const report = correctionLoops(log, { activities: [APPROVAL_CORRECTION_ACTIVITY] })
    expect(report).toMatchObject({
      cases: 5,
      casesWithCorrections: 1,
      rounds: 1,
      distribution: [4, 1],
    })
    expect(report.byItem.filter((i) => i.rounds > 0)).toHaveLength(1)
    expect(report.byDepartment.filter((d) => d.rounds > 0)).toHaveLength(1)
  })
})
