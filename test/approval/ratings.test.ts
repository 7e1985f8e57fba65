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
  type ApplicationView,
} from './approval-support.js'

const sample = START_COMPANY!

interface WorkOrder {
  id: string
  status: string
  clock: { respond: { deadline: { known: boolean; value: string } }; state: string } | null
}

describe.each(testDialects())('好差评 ratings and rectification (%s)', (dialect) => {
  let t: TestApp
  let applicant: string
  let clerk: string
  let approver: string
  let application: ApplicationView
  const api = () => approvalClient(t.app)
  const marketCase = () =>
    application.cases.find((c) => c.implementationCode.includes('MB1951086W')) ??
    application.cases[0]!

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber))).accessToken
    clerk = await signInStaff(t.app, 'market.li')
    approver = await signInStaff(t.app, 'market.zhou')
    const { id } = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    await supplyMaterials(t.app, applicant, id)
    application = expectOk<ApplicationView>(await api().get(applicant, id))
  })
  afterAll(() => t.dispose())

  it('refuses to rate an unfinished case, and writes nothing', async () => {
    const before = await countRows(t.app.database.db, ['approval_ratings', 'approval_work_orders'])
    expectProblem(
      await api().call('POST', `/cases/${marketCase().id}/rating`, applicant, { score: 5 }),
      409,
      'APPROVAL_ACTION_NOT_ALLOWED',
    )
    expectProblem(
      await api().call('POST', `/cases/${marketCase().id}/rating`, applicant, { score: 9 }),
      400,
      'PLATFORM_VALIDATION_FAILED',
    )
    expect(
      await countRows(t.app.database.db, ['approval_ratings', 'approval_work_orders']),
    ).toEqual(before)
  })

  it('opens a work order with a working-day clock for a bad rating, through to the rater’s verdict', async () => {
    for (const token of [clerk, clerk, approver]) {
      const task = (await api().queue(token)).find((x) => x.application_id === application.id)
      if (!task) throw new Error('no market task')
      expectOk(await api().decide(token, task.id, true))
    }
    await t.app.runner.drain()
    const rated = expectOk<{ workOrder: WorkOrder | null }>(
      await api().call('POST', `/cases/${marketCase().id}/rating`, applicant, {
        score: 2,
        tags: ['办理慢'],
        comment: '等了很久',
      }),
      201,
    )
    const order = rated.workOrder
    expect(order?.status).toBe('open')
    // Rated on Monday 2 March 2026: respond within one working day, by Tuesday.
    expect(order?.clock?.respond.deadline).toEqual({ known: true, value: '2026-03-03' })
    expectProblem(
      await api().call('POST', `/cases/${marketCase().id}/rating`, applicant, { score: 5 }),
      409,
      'APPROVAL_ALREADY_RATED',
    )
    const queue = expectOk<WorkOrder[]>(await api().call('GET', '/work-orders', clerk))
    expect(queue.map((o) => o.id)).toContain(order?.id)
    expectProblem(
      await api().call('POST', `/work-orders/${order?.id}/fix-rating`, applicant, { score: 4 }),
      409,
      'APPROVAL_ACTION_NOT_ALLOWED',
    )
    expectOk(
      await api().call('POST', `/work-orders/${order?.id}/response`, clerk, {
        text: '已联系申请人说明情况',
      }),
    )
    expectOk(
      await api().call('POST', `/work-orders/${order?.id}/rectification`, clerk, {
        text: '增加窗口人员',
      }),
    )
    expectProblem(
      await api().call('POST', `/work-orders/${order?.id}/fix-rating`, clerk, { score: 5 }),
      403,
      'PLATFORM_FORBIDDEN',
    )
    const closed = expectOk<WorkOrder>(
      await api().call('POST', `/work-orders/${order?.id}/fix-rating`, applicant, { score: 4 }),
    )
    expect(closed.status).toBe('closed')
    const stats = expectOk<Array<{ departmentId: string; ratings: number; bad: number }>>(
      await api().call('GET', '/ratings/statistics', clerk),
    )
    expect(stats.find((s) => s.departmentId === marketCase().departmentId)).toMatchObject({
      ratings: 1,
      bad: 1,
    })
  })
})

describe.each(testDialects())('an unrated finished case (%s)', (dialect) => {
  let t: TestApp
  let now = new Date('2026-03-02T01:00:00Z')
  const api = () => approvalClient(t.app)

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: { now: () => new Date(now) } })
    await seedDemo(t.app)
  })
  afterAll(() => t.dispose())

  it('counts as satisfied once the configured period has passed, exactly once', async () => {
    const applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber)))
      .accessToken
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
    const ratings = () => countRows(t.app.database.db, ['approval_ratings'])
    expect(await ratings()).toEqual({ approval_ratings: 0 })
    now = new Date(now.getTime() + 16 * 86_400_000)
    await t.app.runner.drain()
    await t.app.runner.drain()
    expect(await ratings()).toEqual({ approval_ratings: 1 })
    const fresh = await signInStaff(t.app, 'market.li') // the earlier token expired meanwhile
    const stats = expectOk<Array<{ defaulted: number; average: number }>>(
      await api().call('GET', '/ratings/statistics', fresh),
    )
    expect(stats[0]).toMatchObject({ defaulted: 1, average: 5 })
  })
})
