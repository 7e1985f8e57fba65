import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IdentityTables } from '../../src/modules/identity/identity.tables.js'
import { moduleDb } from '../../src/platform/db/database.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { bearer, seedDemo, signInPerson, signInStaff } from '../support/demo.js'
import {
  START_COMPANY,
  applicantIndex,
  approvalClient,
  expectOk,
  expectProblem,
  supplyMaterials,
  type TaskRow,
} from './approval-support.js'

const sample = START_COMPANY!

describe.each(testDialects())('staff hand-overs and urging (%s)', (dialect) => {
  let t: TestApp
  let now = new Date('2026-03-02T01:00:00Z')
  let applicant: string
  let clerk: string
  let sun: { id: string; token: string }
  let zhouId: string
  const api = () => approvalClient(t.app)
  const idOf = async (account: string) =>
    await moduleDb<IdentityTables>(t.app.database.db)
      .selectFrom('identity_staff')
      .select(['id', 'department_id'])
      .where('account', '=', account)
      .executeTakeFirstOrThrow()
  const marketTask = async (token: string, applicationId: string): Promise<TaskRow> => {
    const task = (await api().queue(token)).find((x) => x.application_id === applicationId)
    if (!task) throw new Error('no market task')
    return task
  }

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: { now: () => new Date(now) } })
    await seedDemo(t.app)
    applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber))).accessToken
    clerk = await signInStaff(t.app, 'market.li')
    // The security admin makes the department administrator a clerk too, to take over work.
    const sunRow = await idOf('market.sun')
    const secadmin = await signInStaff(t.app, 'secadmin')
    const granted = await t.app.http.inject({
      method: 'POST',
      url: `/api/v1/staff/${sunRow.id}/roles`,
      headers: bearer(secadmin),
      payload: { role: 'dept_staff', departmentId: sunRow.department_id },
    })
    expect(granted.statusCode, granted.body).toBe(200)
    sun = { id: sunRow.id, token: await signInStaff(t.app, 'market.sun') }
    zhouId = (await idOf('market.zhou')).id
  })
  afterAll(() => t.dispose())

  it('transfers a task only to a colleague holding its role, and the new holder decides it', async () => {
    const { id } = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    await supplyMaterials(t.app, applicant, id)
    const task = await marketTask(clerk, id)
    expectOk(await api().claim(clerk, task.id))
    const refused = expectProblem(
      await api().call('POST', `/tasks/${task.id}/hand-over`, clerk, {
        mode: 'transfer',
        to: zhouId,
      }),
      400,
      'PLATFORM_VALIDATION_FAILED',
    )
    expect(refused.errors?.[0]?.pointer).toBe('/to')
    expectOk(
      await api().call('POST', `/tasks/${task.id}/hand-over`, clerk, {
        mode: 'transfer',
        to: sun.id,
      }),
    )
    expectProblem(await api().decide(clerk, task.id, true), 409, 'APPROVAL_TASK_TAKEN')
    expectOk(await api().decide(sun.token, task.id, true))
  })

  it('delegates a task that comes back to its owner to decide', async () => {
    const { id } = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    await supplyMaterials(t.app, applicant, id)
    const task = await marketTask(clerk, id)
    expectOk(await api().claim(clerk, task.id))
    expectOk(
      await api().call('POST', `/tasks/${task.id}/hand-over`, clerk, {
        mode: 'delegate',
        to: sun.id,
      }),
    )
    expectProblem(await api().decide(sun.token, task.id, true), 409, 'APPROVAL_ACTION_NOT_ALLOWED')
    expectOk(await api().call('POST', `/tasks/${task.id}/resolve`, sun.token))
    expectOk(await api().decide(clerk, task.id, true))
  })

  it('copies a case to colleagues of its department, each with a read state', async () => {
    const { id } = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    const task = await marketTask(clerk, id)
    const taxClerk = (await idOf('tax.chen')).id
    const refused = expectProblem(
      await api().call('POST', `/tasks/${task.id}/copies`, clerk, { to: [taxClerk] }),
      400,
      'PLATFORM_VALIDATION_FAILED',
    )
    expect(refused.errors?.[0]?.pointer).toBe('/to/0')
    expectOk(
      await api().call('POST', `/tasks/${task.id}/copies`, clerk, { to: [zhouId], note: '请知悉' }),
    )
    const zhou = await signInStaff(t.app, 'market.zhou')
    const unread = expectOk<Array<{ id: string; note: string }>>(
      await api().call('GET', '/copies?unread=true', zhou),
    )
    expect(unread.map((c) => c.note)).toEqual(['请知悉'])
    expectOk(await api().call('POST', `/copies/${unread[0]?.id}/read`, zhou))
    expect(expectOk<unknown[]>(await api().call('GET', '/copies?unread=true', zhou))).toEqual([])
    expectProblem(
      await api().call('POST', `/copies/${unread[0]?.id}/read`, clerk),
      404,
      'APPROVAL_COPY_NOT_FOUND',
    )
  })

  it('lets the applicant urge a case only once it is past its promised deadline', async () => {
    const { id } = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    await supplyMaterials(t.app, applicant, id)
    const view = expectOk<{ cases: Array<{ id: string }> }>(await api().get(applicant, id))
    const caseId = view.cases[0]?.id ?? ''
    expectOk(await api().decide(clerk, (await marketTask(clerk, id)).id, true)) // 受理: the clock starts
    expectProblem(
      await api().call('POST', `/cases/${caseId}/urge`, applicant),
      409,
      'APPROVAL_ACTION_NOT_ALLOWED',
    )
    now = new Date('2026-04-30T01:00:00Z') // weeks later, well past the promise
    const fresh = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber))).accessToken
    expectOk(await api().call('POST', `/cases/${caseId}/urge`, fresh))
    const timeline = expectOk<Array<{ type: string }>>(
      await api().call('GET', `/applications/${id}/timeline`, fresh),
    )
    expect(timeline.filter((e) => e.type === 'case.urged')).toHaveLength(1)
  })
})

describe.each(testDialects())('department administrators (%s)', (dialect) => {
  let t: TestApp
  const api = () => approvalClient(t.app)

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
  })
  afterAll(() => t.dispose())

  it('move a task to another step and terminate a case, each with a reason; clerks may not', async () => {
    const applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber)))
      .accessToken
    const clerk = await signInStaff(t.app, 'market.li')
    const admin = await signInStaff(t.app, 'market.sun')
    const { id } = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    const task = (await api().queue(clerk)).find((x) => x.application_id === id)
    if (!task) throw new Error('no market task')
    const jump = { nodeId: 'decide', reason: '材料已在窗口当场核验' }
    expectProblem(
      await api().call('POST', `/tasks/${task.id}/jump`, clerk, jump),
      403,
      'PLATFORM_FORBIDDEN',
    )
    expectOk(await api().call('POST', `/tasks/${task.id}/jump`, admin, jump))
    const moved = (await api().queue(clerk)).find((x) => x.application_id === id)
    expect(moved?.node_id).toBe('decide')
    expectProblem(
      await api().call('POST', `/cases/${task.case_id}/terminate`, admin, {}),
      400,
      'PLATFORM_VALIDATION_FAILED',
    )
    const ended = expectOk<{ status: string }>(
      await api().call('POST', `/cases/${task.case_id}/terminate`, admin, {
        reason: '企业名称争议进入诉讼，依法终止办理',
      }),
    )
    expect(ended.status).toBe('terminated')
  })
})
