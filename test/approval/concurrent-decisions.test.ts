import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApprovalTables } from '../../src/modules/approval/approval.tables.js'
import type { AuditTables } from '../../src/platform/audit/audit.tables.js'
import { DEMO_ITEMS } from '../../src/modules/catalog/demo/index.js'
import { moduleDb } from '../../src/platform/db/database.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { seedDemo, signInPerson, signInStaff } from '../support/demo.js'
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
const MARKET_ITEM = DEMO_ITEMS.find((i) => i.departmentCode === 'market')?.implementationCode ?? ''
const ROUNDS = 10
const LOSER_CODES = ['APPROVAL_TASK_ALREADY_DECIDED', 'APPROVAL_CONCURRENT_CHANGE']

describe.each(testDialects())('staff deciding at the same moment (%s)', (dialect) => {
  let t: TestApp
  let applicant = ''
  /** Two sessions of the market clerk (the only dept_staff of market), as two desks would be. */
  let desks: [string, string] = ['', '']
  const tokens = new Map<string, string>()
  const tokenFor = (department: StartCompanyDepartment, task: { role: string }) =>
    tokens.get(accountFor(department, task)) ?? ''
  const api = () => approvalClient(t.app)
  const db = () => moduleDb<ApprovalTables & AuditTables>(t.app.database.db)

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber))).accessToken
    desks = [await signInStaff(t.app, 'market.li'), await signInStaff(t.app, 'market.li')]
    for (const staff of Object.values(START_COMPANY_STAFF))
      for (const account of [staff.clerk, staff.approver])
        tokens.set(account, await signInStaff(t.app, account))
  })
  afterAll(() => t.dispose())

  /** Submits one bundle with the materials of the given member items (all when none). */
  const submit = async (items?: string[]) => {
    const { id } = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    await supplyMaterials(t.app, applicant, id, items)
    return id
  }

  /** Submits one bundle and returns market's open 受理 task of it (unassigned). */
  async function openAcceptTask() {
    const id = await submit([MARKET_ITEM])
    const task = (await api().queue(desks[0])).find((x) => x.application_id === id)
    if (!task) throw new Error(`no market task for application ${id}`)
    expect([task.node_id, task.role, task.assignee_id]).toEqual(['accept', 'dept_staff', null])
    return task
  }

  const caseVersion = async (caseId: string) =>
    Number(
      (
        await db()
          .selectFrom('approval_cases')
          .select('version')
          .where('id', '=', caseId)
          .executeTakeFirstOrThrow()
      ).version,
    )

  const actionsOf = (caseId: string) =>
    db()
      .selectFrom('approval_actions')
      .select(['type', 'task_id'])
      .where('case_id', '=', caseId)
      .execute()

  const approvalsAudited = async (taskId: string) =>
    (
      await db()
        .selectFrom('platform_audit_records')
        .select('after_json')
        .where('action', '=', 'approval.task.approved')
        .execute()
    ).filter((r) => (JSON.parse(r.after_json ?? '{}') as { taskId?: string }).taskId === taskId)
      .length

  /** Checks for one 200 and one 409 of the expected codes, in either order; returns the 200's body. */
  function outcome(results: LightMyRequestResponse[]) {
    const ok = results.filter((r) => r.statusCode === 200)
    const refused = results.filter((r) => r.statusCode !== 200)
    expect(results.map((r) => r.statusCode).sort(), results.map((r) => r.body).join('\n')).toEqual([
      200, 409,
    ])
    expect(LOSER_CODES).toContain(refused[0]?.json<{ code: string }>().code)
    return ok[0]?.json<{ caseId: string; taskId: string }>()
  }

  it('lets exactly one of two simultaneous decisions win and refuses the other with 409', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const task = await openAcceptTask()
      const before = await caseVersion(task.case_id)
      const results = await Promise.all(desks.map((token) => api().decide(token, task.id, true)))
      const winner = outcome(results)
      expect(winner).toMatchObject({ caseId: task.case_id, taskId: task.id })
      expect(await caseVersion(task.case_id)).toBe(before + 1)
      const actions = await actionsOf(task.case_id)
      const ofTask = (type: string) =>
        actions.filter((a) => a.type === type && a.task_id === task.id)
      expect(ofTask('task_claimed')).toHaveLength(1)
      expect(ofTask('task_completed')).toHaveLength(1)
      // The next step (审查) is open exactly once: the loser projected no second task.
      const open = await api().queue(desks[0])
      expect(open.filter((x) => x.case_id === task.case_id).map((x) => x.node_id)).toEqual([
        'review',
      ])
      expect(await approvalsAudited(task.id)).toBe(1)
    }
  })

  /** Approves the department's tasks of the application in turn, up to its open task `stop`. */
  async function approveUpTo(department: StartCompanyDepartment, id: string, stop?: 'decide') {
    const clerk = tokens.get(START_COMPANY_STAFF[department].clerk) ?? ''
    for (;;) {
      const task = (await api().queue(clerk)).find((x) => x.application_id === id)
      if (!task && stop === undefined) return null
      if (!task) throw new Error(`${department} has no open ${stop} task for ${id}`)
      if (task.node_id === stop) return { token: tokenFor(department, task), taskId: task.id }
      expectOk(await api().decide(tokenFor(department, task), task.id, true))
    }
  }

  // Two different tasks this time: each decision is the last step of its own case, and the
  // application's status must account for both.
  it('settles the application when two departments decide its last open cases at once', async () => {
    const racing = ['market', 'tax'] as const
    for (let round = 0; round < ROUNDS; round++) {
      const id = await submit()
      for (const d of ['public_security', 'hrss', 'housing_fund'] as const) await approveUpTo(d, id)
      const last = await Promise.all(racing.map((d) => approveUpTo(d, id, 'decide')))
      await t.app.runner.drain() // the other three cases finish: their service tasks run
      const results = await Promise.all(
        last.map((x) => api().decide(x?.token ?? '', x?.taskId ?? '', false, '经营范围不符')),
      )
      for (const res of results) expectOk(res)
      const view = expectOk<ApplicationView>(await api().get(applicant, id))
      expect(view.cases.map((c) => c.status).sort()).toEqual([
        'approved',
        'approved',
        'approved',
        'rejected',
        'rejected',
      ])
      expect(view.status, `round ${round}`).toBe('partially_approved')
    }
  })

  it('keeps the audit chain whole after the races', async () => {
    const verification = await t.app.audit.verify()
    expect(verification.firstBad).toBeNull()
    expect(verification.ok).toBe(true)
  })
})
