import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { seedDemo, signInPerson, signInStaff } from '../support/demo.js'
import {
  SAMPLE_PDF,
  START_COMPANY,
  applicantIndex,
  approvalClient,
  expectOk,
  expectProblem,
  supplyMaterials,
} from './approval-support.js'

const sample = START_COMPANY!

interface Entry {
  id: string
  case_id: string
  application_id: string
  item_code: string
  item_name: { zh: string; en: string }
  channel: string
  sla_state: string
  days_left: number | null
  deadline: string | null
  urged: number
}

interface Detail {
  applicationId: string
  actions: string[]
  returnTargets: Array<{ nodeId: string; name: string }>
  urged: number
}

describe.each(testDialects())('the workbench queue and task actions (%s)', (dialect) => {
  let t: TestApp
  let now = new Date('2026-03-02T01:00:00Z')
  let applicant: string
  let clerk: string
  const api = () => approvalClient(t.app)
  const queue = async (query: string) =>
    expectOk<Entry[]>(await api().call('GET', `/tasks?${query}`, clerk))
  const submit = async () =>
    expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    ).id

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: { now: () => new Date(now) } })
    await seedDemo(t.app)
    applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber))).accessToken
    clerk = await signInStaff(t.app, 'market.li')
  })
  afterAll(() => t.dispose())

  it('sorts by time left on the promised limit, with state, item and channel, and filters', async () => {
    const older = await submit()
    now = new Date('2026-03-16T01:00:00Z') // ten working days later
    // Tokens signed before the jump have expired.
    applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber))).accessToken
    clerk = await signInStaff(t.app, 'market.li')
    const newer = await submit()
    const rows = await queue('sort=urgency')
    const mine = rows.filter((r) => r.application_id === older || r.application_id === newer)
    expect(mine.map((r) => r.application_id)).toEqual([older, newer])
    const [first, second] = mine as [Entry, Entry]
    expect(second.sla_state).toBe('green')
    expect(first.days_left).toBeLessThan(second.days_left ?? -Infinity)
    expect(['amber', 'red']).toContain(first.sla_state)
    expect(second.channel).toBe('web')
    expect(second.item_name.zh.length).toBeGreaterThan(0)
    expect(second.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/)

    expect((await queue(`item=${second.item_code}`)).length).toBeGreaterThanOrEqual(2)
    expect(await queue('item=no_such_item')).toEqual([])
    expect(await queue('channel=counter')).toEqual([])
    expect((await queue('channel=web&sort=urgency&limit=1')).length).toBe(1)
    // The default order stays the oldest first.
    const opened = (await queue('')).map((r) => r.application_id)
    expect(opened.indexOf(older)).toBeLessThan(opened.indexOf(newer))

    // Past its promised deadline: red with negative days, and the applicant's 催办 counted.
    now = new Date('2026-04-20T01:00:00Z')
    applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber))).accessToken
    clerk = await signInStaff(t.app, 'market.li')
    const late = (await queue('sort=urgency')).find((r) => r.application_id === older)!
    expect(late.sla_state).toBe('red')
    expect(late.days_left).toBeLessThan(0)
    expectOk(await api().call('POST', `/cases/${late.case_id}/urge`, applicant, {}))
    expect((await queue('sort=urgency')).find((r) => r.id === late.id)?.urged).toBe(1)
  })

  it('offers the actions the engine accepts now: claim first, then handling', async () => {
    const id = await submit()
    const task = (await queue('')).find((r) => r.application_id === id)!
    const before = expectOk<Detail>(await api().call('GET', `/tasks/${task.id}`, clerk))
    expect(before.applicationId).toBe(id)
    expect(before.actions).toContain('claim')
    expect(before.actions).not.toContain('transfer')
    expectOk(await api().claim(clerk, task.id))
    const after = expectOk<Detail>(await api().call('GET', `/tasks/${task.id}`, clerk))
    expect(after.actions).not.toContain('claim')
    for (const action of ['approve', 'reject', 'correction', 'transfer', 'delegate', 'copy'])
      expect(after.actions).toContain(action)
    // Another clerk of the department sees the task, but may do nothing on it.
    const other = await signInStaff(t.app, 'market.zhou')
    const theirs = await api().call('GET', `/tasks/${task.id}`, other)
    if (theirs.statusCode === 200) expect(theirs.json<Detail>().actions).toEqual([])
  })
  it('offers 退回 on a later step, naming the earlier steps it may go back to', async () => {
    const id = await submit()
    await supplyMaterials(t.app, applicant, id)
    const first = (await queue('')).find((r) => r.application_id === id)!
    expectOk(await api().decide(clerk, first.id, true))
    // 受理 → 审查, both the clerk's: the review may go back to acceptance.
    const later = (await queue('')).find((r) => r.application_id === id && r.id !== first.id)!
    expectOk(await api().claim(clerk, later.id))
    const detail = expectOk<Detail & { step: { nodeId: string } }>(
      await api().call('GET', `/tasks/${later.id}`, clerk),
    )
    expect(detail.actions).toContain('return')
    expect(detail.returnTargets.length).toBeGreaterThan(0)
    expect(detail.returnTargets.every((r) => r.name.length > 0)).toBe(true)
    const [target] = detail.returnTargets
    expectOk(
      await api().call('POST', `/tasks/${later.id}/return`, clerk, {
        nodeId: target!.nodeId,
        reason: '请重新核对',
      }),
    )
  })

  it('shows the case’s attached files to its department, for the inline preview', async () => {
    const id = await submit()
    await supplyMaterials(t.app, applicant, id)
    const task = (await queue('')).find((r) => r.application_id === id)!
    const files = expectOk<Array<{ materialId: string; mediaType: string; fileName: string }>>(
      await api().call('GET', `/tasks/${task.id}/materials`, clerk),
    )
    expect(files.length).toBeGreaterThan(0)
    const first = files[0]!
    expect(first.mediaType).toBe('application/pdf')
    const content = await api().call(
      'GET',
      `/tasks/${task.id}/materials/${first.materialId}/content`,
      clerk,
    )
    expect(content.statusCode).toBe(200)
    expect(content.headers['content-type']).toContain('application/pdf')
    expect(content.rawPayload.equals(SAMPLE_PDF)).toBe(true)
    expectProblem(
      await api().call('GET', `/tasks/${task.id}/materials/nope/content`, clerk),
      404,
      'PLATFORM_NOT_FOUND',
    )
    // Another department's staff cannot read them.
    const tax = await signInStaff(t.app, 'tax.chen')
    expect((await api().call('GET', `/tasks/${task.id}/materials`, tax)).statusCode).toBe(403)
  })
})
