import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { seedDemo, signInPerson, signInStaff } from '../support/demo.js'
import {
  START_COMPANY,
  applicantIndex,
  approvalClient,
  expectOk,
  supplyMaterials,
} from './approval-support.js'

const sample = START_COMPANY!

describe.each(testDialects())('statutory clock watch (%s)', (dialect) => {
  let t: TestApp
  let now = new Date('2026-03-02T01:00:00Z')
  const api = () => approvalClient(t.app)

  beforeAll(async () => {
    // Two cases a page: the five cases of the bundle take three scan jobs a round.
    t = await createTestApp({
      dialect,
      clock: { now: () => new Date(now) },
      env: { TONGBAN_SLA_SCAN_PAGE_SIZE: '2' },
    })
    await seedDemo(t.app)
  })
  afterAll(() => t.dispose())

  it('escalates a breached case once per limit, on its timeline, and reports on-time rates', async () => {
    const applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber)))
      .accessToken
    const clerk = await signInStaff(t.app, 'market.li')
    const { id } = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    await supplyMaterials(t.app, applicant, id)
    const task = (await api().queue(clerk)).find((x) => x.application_id === id)
    expectOk(await api().decide(clerk, task?.id ?? '', true)) // 受理: the market case's clock runs
    await t.app.approval.slaWatch.start()
    now = new Date('2026-05-06T01:00:00Z') // long past every limit of the market case
    await t.app.runner.drain()
    now = new Date(now.getTime() + 20 * 60_000) // the next scan finds nothing new to raise
    await t.app.runner.drain()
    const fresh = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber))).accessToken
    const timeline = expectOk<
      Array<{ type: string; caseNumber: string; detail: { limit: string; level: string } }>
    >(await api().call('GET', `/applications/${id}/timeline`, fresh))
    const alerts = timeline
      .filter((e) => e.type === 'case.sla_alerted')
      .map((a) => `${a.caseNumber} ${a.detail.limit}:${a.detail.level}`)
    // The market case was accepted; the four others count as accepted on receipt (视为受理)
    // because nobody answered them within 5 working days: all five are breached, each once.
    expect(new Set(alerts).size).toBe(alerts.length)
    expect(alerts).toHaveLength(10)
    expect(alerts.filter((a) => a.endsWith('promised:escalate'))).toHaveLength(5)
    // Two cases decided long after their limits: the market case approved, the tax case refused.
    const tokens = new Map<string, string>()
    for (const account of ['market.li', 'market.zhou', 'tax.chen', 'tax.yang'])
      tokens.set(account, await signInStaff(t.app, account))
    const steps: Array<[string, boolean]> = [
      ['market.li', true],
      ['market.zhou', true],
      ['tax.chen', false],
      ['tax.chen', false],
      ['tax.yang', false],
    ]
    for (const [account, approve] of steps) {
      const token = tokens.get(account) ?? ''
      const open = (await api().queue(token)).find((x) => x.application_id === id)
      expectOk(await api().decide(token, open?.id ?? '', approve, approve ? undefined : '材料不全'))
    }
    await t.app.runner.drain() // the market case ends once its licence is issued
    const rates = expectOk<{
      byDepartment: Array<{ decided: number; withinPromised: number; promisedRate: number }>
    }>(await api().call('GET', '/statistics/on-time', tokens.get('market.li') ?? ''))
    // Two pages of decided cases (two a page) are counted: both late.
    expect(rates.byDepartment.map((r) => [r.decided, r.withinPromised, r.promisedRate])).toEqual([
      [1, 0, 0],
      [1, 0, 0],
    ])
    // Each round walked every page, then queued exactly one next round.
    const scans = await sql<{ status: string; payload_json: string }>`
      select status, payload_json from platform_jobs where kind = ${'approval.sla-scan'}`.execute(
      t.app.database.db,
    )
    const pages = scans.rows.map(
      (j) => [j.status, JSON.parse(j.payload_json) as { after?: string }] as const,
    )
    expect(pages.filter(([status]) => status === 'queued')).toHaveLength(1)
    expect(pages.filter(([, p]) => p.after !== undefined).length).toBeGreaterThanOrEqual(4)
    expect((await t.app.audit.verify()).ok).toBe(true)
  })
})
