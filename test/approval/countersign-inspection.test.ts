import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_BUNDLE_SAMPLES, FOOD_BUSINESS_LICENCE } from '../../src/modules/catalog/demo/index.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { countRows } from '../support/counts.js'
import { testDialects } from '../support/databases.js'
import { seedDemo, signInPerson, signInStaff } from '../support/demo.js'
import {
  applicantIndex,
  approvalClient,
  expectOk,
  expectProblem,
  staffIdOf,
  supplyMaterials,
  type ApplicationView,
  type TaskRow,
} from './approval-support.js'

// 湖畔小馆 opens a restaurant: 食品经营许可 (市场监管) and 公共场所卫生许可 (卫健).
const sample = DEMO_BUNDLE_SAMPLES.find(
  (s) => s.bundleCode === 'open_restaurant' && s.expectedMembers.length === 2,
)!
const FOOD = FOOD_BUSINESS_LICENCE.implementationCode
const TABLES = ['approval_actions', 'approval_tasks', 'platform_audit_records', 'platform_jobs']

interface CaseClock {
  caseId: string
  clock: {
    pausedDays: { known: boolean; value?: { byReason: Record<string, number>; open: string[] } }
    promised: { deadline: { known: boolean; value?: string } } | null
  } | null
}

describe.each(testDialects())('食品经营许可: 会签 of the inspectors, 现场核查 (%s)', (dialect) => {
  let t: TestApp
  let now = new Date('2026-03-02T01:00:00Z') // Monday 09:00 in Shanghai
  let applicationId = ''
  let caseId = ''
  const ids = new Map<string, string>()
  const api = () => approvalClient(t.app)
  /** A fresh token: the fake clock moves on by days, and tokens live 15 minutes. */
  const as = (account: string) => signInStaff(t.app, account)
  const applicant = async () =>
    (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber))).accessToken
  const foodTasks = async (): Promise<TaskRow[]> =>
    (await api().queue(await as('market.li'))).filter((x) => x.case_id === caseId)
  /** Approves as `who`: an account signed in afresh, or a token kept for counting rows. */
  const decide = async (who: string, taskId: string, variables?: object) =>
    api().call('POST', `/tasks/${taskId}/decision`, ids.has(who) ? await as(who) : who, {
      approved: true,
      ...(variables ? { variables } : {}),
    })
  const foodClock = async () =>
    expectOk<CaseClock[]>(
      await api().call('GET', `/applications/${applicationId}/clocks`, await applicant()),
    ).find((c) => c.caseId === caseId)?.clock

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: { now: () => new Date(now) } })
    await seedDemo(t.app)
    for (const account of ['market.li', 'market.gao', 'market.zhou'])
      ids.set(account, await staffIdOf(t.app, await as(account)))
    const token = await applicant()
    applicationId = expectOk<{ id: string }>(
      await api().submit(token, { kind: 'bundle', code: 'open_restaurant', form: sample.form }),
      201,
    ).id
    const view = expectOk<ApplicationView>(await api().get(token, applicationId))
    caseId = view.cases.find((c) => c.implementationCode === FOOD)?.id ?? ''
    await supplyMaterials(t.app, token, applicationId, [FOOD])
  })
  afterAll(() => t.dispose())

  it('refuses a 受理 naming no inspectors, or ones who may not inspect, and writes nothing', async () => {
    const [accept] = await foodTasks()
    expect(accept?.node_id).toBe('accept')
    const clerk = await as('market.li') // signing in writes too: once, before counting
    const before = await countRows(t.app.database.db, TABLES)
    const li = ids.get('market.li')
    for (const [inspectors, code] of [
      [undefined, 'signers_missing'],
      [[li, ids.get('market.zhou')], 'signers_invalid'], // the approver holds no clerk role
      [[li, li], 'signers_invalid'],
    ] as const) {
      const refused = expectProblem(
        await decide(clerk, accept?.id ?? '', inspectors ? { inspectors } : undefined),
        400,
        'PLATFORM_VALIDATION_FAILED',
      )
      expect(refused.errors).toEqual([
        expect.objectContaining({ pointer: '/variables/inspectors', code }),
      ])
    }
    expect(await countRows(t.app.database.db, TABLES)).toEqual(before)
  })

  it('needs every inspector’s approval: one alone does not finish 现场核查', async () => {
    const [accept] = await foodTasks()
    const inspectors = [ids.get('market.li'), ids.get('market.gao')]
    expectOk(await decide('market.li', accept?.id ?? '', { inspectors }))
    const open = await foodTasks()
    const review = open.find((x) => x.node_id === 'material_review')
    const signers = open.filter((x) => x.node_id === 'inspection')
    expect(signers.map((x) => x.assignee_id).sort()).toEqual([...inspectors].sort())
    expectOk(await decide('market.li', review?.id ?? ''))
    const mine = (account: string) => signers.find((x) => x.assignee_id === ids.get(account))
    // Nobody signs for a colleague.
    expectProblem(
      await decide('market.li', mine('market.gao')?.id ?? ''),
      409,
      'APPROVAL_TASK_TAKEN',
    )
    expectOk(await decide('market.li', mine('market.li')?.id ?? ''))
    const left = await foodTasks()
    expect(left.map((x) => [x.node_id, x.assignee_id])).toEqual([
      ['inspection', ids.get('market.gao')],
    ])
  })

  it('stops the clock while the inspector is on site (special procedure), then decides', async () => {
    const [inspection] = await foodTasks()
    const procedure = async (change: 'start' | 'end') =>
      api().call(
        'POST',
        `/tasks/${inspection?.id ?? ''}/special-procedures`,
        await as('market.gao'),
        {
          kind: 'inspection',
          change,
          ...(change === 'start' ? { reason: '到经营场所现场核查' } : {}),
        },
      )
    const before = await foodClock()
    now = new Date('2026-03-03T02:00:00Z') // Tuesday 10:00
    expectOk(await procedure('start'))
    now = new Date('2026-03-06T02:00:00Z') // Friday 10:00: still on site
    const during = await foodClock()
    expect(during?.pausedDays.value?.open).toEqual(['inspection'])
    expectOk(await procedure('end'))
    const after = await foodClock()
    const paused = after?.pausedDays.value?.byReason.inspection ?? 0
    // Wednesday to Friday on site: the 5-working-day promise moves on by those three days.
    expect(paused).toBe(3)
    expect(before?.promised?.deadline.value).toBe('2026-03-09')
    expect(after?.promised?.deadline.value).toBe('2026-03-12')

    expectOk(await decide('market.gao', inspection?.id ?? ''))
    const [decision] = await foodTasks()
    expect(decision?.node_id).toBe('decide')
    expectOk(await decide('market.zhou', decision?.id ?? ''))
    await t.app.runner.drain()
    const view = expectOk<ApplicationView>(await api().get(await applicant(), applicationId))
    expect(view.cases.find((c) => c.id === caseId)?.status).toBe('approved')
  })
})
