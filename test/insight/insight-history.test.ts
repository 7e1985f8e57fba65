import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { bearer, signInPerson, signInStaff } from '../support/demo.js'
import { seedStartCompany } from './history-seed.js'
import {
  START_COMPANY,
  applicantIndex,
  approvalClient,
  expectOk,
  supplyMaterials,
} from '../approval/approval-support.js'
import { analystToken, api, getJson, type AnalysisView } from './insight-support.js'

const sample = START_COMPANY!

describe.each(testDialects())('mining the approval history (%s)', (dialect) => {
  let t: TestApp
  let analyst: string
  let marketCases: Array<{ id: string; implementation_code: string }>

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedStartCompany(t.app, ['market.li', 'market.xie'], sample.applicantIdNumber)
    const api = approvalClient(t.app)
    const applicant = (await signInPerson(t.app, applicantIndex(sample.applicantIdNumber)))
      .accessToken
    const clerk = await signInStaff(t.app, 'market.li')
    for (let i = 0; i < 2; i++) {
      const submitted = await api.submit(applicant, {
        kind: 'bundle',
        code: 'start_company',
        form: sample.form,
      })
      const id = expectOk<{ id: string }>(submitted, 201).id
      const task = (await api.queue(clerk)).find((x) => x.application_id === id)!
      expectOk(await api.claim(clerk, task.id))
      await supplyMaterials(t.app, applicant, id)
      expectOk(await api.decide(clerk, task.id, true))
    }
    const market = await t.app.identity.departments.findByCode('market')
    marketCases = await t.app.database.db
      .selectFrom('approval_cases')
      .select(['id', 'implementation_code'])
      .where('department_id', '=', market!.id)
      .execute()
    analyst = await analystToken(t.app)
  })
  afterAll(() => t.dispose())

  it("analyses the market bureau's own cases, and replays them against the item's deployed process", async () => {
    const item = marketCases[0]!.implementation_code
    const res = await t.app.http.inject({
      method: 'POST',
      url: api('/analyses'),
      headers: bearer(analyst),
      payload: {
        source: { kind: 'approval', items: [item] },
        options: { dfg: true, variants: 5, performance: true, conformance: { item }, discover: {} },
      },
    })
    expect(res.statusCode, res.body).toBe(202)
    await t.app.runner.drain()
    const view = await getJson<AnalysisView>(
      t.app,
      analyst,
      `/analyses/${res.json<{ id: string }>().id}`,
    )
    expect(view.status, JSON.stringify(view.error)).toBe('done')
    expect(marketCases.length).toBe(2)
    expect(view.result?.counts.cases).toBe(2)
    expect(view.result?.variants?.[0]?.count).toBe(2)
    expect(view.result?.conformance?.ok).toBe(true)
    const fitness = view.result?.conformance?.report?.fitness ?? -1
    expect(fitness).toBeGreaterThan(0)
    expect(fitness).toBeLessThanOrEqual(1)
    expect(view.result?.discovered?.activities).toBeGreaterThan(0)
    // The discovered model beside the deployed one: the review steps both have, and the
    // platform's own actions (提交申请) only the history has.
    const comparison = view.result?.discovered?.comparison as {
      activities: { common: string[]; onlyDiscovered: string[] }
    }
    expect(comparison.activities.common.length).toBeGreaterThan(0)
    expect(comparison.activities.onlyDiscovered).toContain('提交申请')
  })

  it('streams the history as CSV and XES downloads with the same events', async () => {
    const csv = await t.app.http.inject({
      url: api('/history?format=csv'),
      headers: bearer(analyst),
    })
    expect(csv.statusCode, csv.body).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.headers['content-disposition']).toContain('attachment')
    const rows = csv.body.trim().split('\n').slice(1)
    expect(new Set(rows.map((r) => r.split(',')[0])).size).toBe(2)
    const xes = await t.app.http.inject({ url: api('/history'), headers: bearer(analyst) })
    expect(xes.statusCode).toBe(200)
    expect(xes.body.match(/<trace>/g)?.length).toBe(2)
    expect(xes.body.match(/<event>/g)?.length).toBe(rows.length)
  })

  it('narrows the history to a time window that holds none of it', async () => {
    const res = await t.app.http.inject({
      url: api('/history?format=csv&from=2020-01-01T00:00:00Z&to=2020-12-31T00:00:00Z'),
      headers: bearer(analyst),
    })
    expect(res.statusCode).toBe(200)
    expect(res.body.trim().split('\n')).toHaveLength(1)
  })
})
