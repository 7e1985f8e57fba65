import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/platform/clock.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { countRows } from '../support/counts.js'
import { testDialects } from '../support/databases.js'
import { bearer, seedDemo, signInPerson, signInStaff } from '../support/demo.js'
import {
  api,
  CLERK,
  getJson,
  GOVERNANCE_TABLES,
  officerToken,
  personsCsv,
  registerDataset,
  upload,
} from './governance-support.js'

type Request = { method: 'GET' | 'POST'; url: string; payload?: unknown; csv?: string }

describe.each(testDialects())('who may use data governance (%s)', (dialect) => {
  let t: TestApp
  let officer: string
  let ids: { checkRun: string; dedupRun: string; cluster: string; alert: string; hash: string }
  const code = 'population.household'
  const market = 'market.licences'
  const counts = () => countRows(t.app.database.db, GOVERNANCE_TABLES)

  const requests = (): Request[] => [
    {
      method: 'POST',
      url: '/datasets',
      payload: {
        code: 'x.y',
        name: 'x',
        standard: 'population',
        departmentCode: 'data_bureau',
        sourceSystem: 'x',
      },
    },
    { method: 'GET', url: '/datasets' },
    { method: 'GET', url: `/datasets/${code}` },
    { method: 'POST', url: `/datasets/${code}/check-runs`, csv: 'name\n张三\n' },
    { method: 'GET', url: `/datasets/${code}/check-runs` },
    { method: 'GET', url: `/datasets/${code}/scores` },
    { method: 'GET', url: `/check-runs/${ids.checkRun}` },
    { method: 'GET', url: '/alerts' },
    { method: 'POST', url: `/alerts/${ids.alert}/acknowledge`, payload: {} },
    { method: 'POST', url: `/datasets/${code}/dedup-runs`, payload: { fileHash: ids.hash } },
    { method: 'GET', url: `/dedup-runs/${ids.dedupRun}` },
    { method: 'GET', url: `/dedup-runs/${ids.dedupRun}/clusters` },
    {
      method: 'POST',
      url: `/dedup-runs/${ids.dedupRun}/clusters/${ids.cluster}/decisions`,
      payload: { decision: 'confirm', reason: '同一人' },
    },
  ]
  const send = (r: Request, headers: Record<string, string>) =>
    r.csv === undefined
      ? t.app.http.inject({
          method: r.method,
          url: api(r.url),
          headers,
          ...(r.payload ? { payload: r.payload } : {}),
        })
      : t.app.http.inject({
          method: r.method,
          url: api(r.url),
          headers: { ...headers, 'content-type': 'text/csv' },
          payload: r.csv,
        })

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock('2026-12-01T02:00:00Z', 1000) })
    await seedDemo(t.app)
    await t.app.runner.drain()
    officer = await officerToken(t.app)
    expect((await registerDataset(t.app, officer)).statusCode).toBe(201)
    const res = await upload(t.app, officer, code, personsCsv(200, 5).csv)
    const checkRun = res.json<{ id: string; file: { hash: string } }>()
    const dedup = await t.app.http.inject({
      method: 'POST',
      url: api(`/datasets/${code}/dedup-runs`),
      headers: bearer(officer),
      payload: { fileHash: checkRun.file.hash },
    })
    await t.app.runner.drain()
    const dedupRun = dedup.json<{ id: string }>().id
    const { clusters } = await getJson<{ clusters: Array<{ id: string }> }>(
      t.app,
      officer,
      `/dedup-runs/${dedupRun}/clusters`,
    )
    const db = t.app.database.db
    const dataset = await db
      .selectFrom('governance_datasets')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
    const alert = uuidv7()
    const at = '2026-12-01T03:00:00.000Z'
    await db
      .insertInto('governance_alerts')
      .values({
        id: alert,
        dataset_id: dataset.id,
        run_id: checkRun.id,
        kind: 'quality_drop',
        severity: 'warning',
        message_zh: '质量下降',
        message_en: 'Quality dropped',
        detail_json: '{}',
        raised_at: at,
        created_at: at,
        updated_at: at,
      })
      .execute()
    // A dataset of the market bureau, where nobody holds the data officer role.
    const marketBureau = await t.app.identity.departments.findByCode('market')
    await db
      .insertInto('governance_datasets')
      .values({
        ...dataset,
        id: uuidv7(),
        code: market,
        department_code: 'market',
        department_id: marketBureau?.id,
      })
      .execute()
    ids = {
      checkRun: checkRun.id,
      dedupRun,
      cluster: clusters[0]?.id ?? '',
      alert,
      hash: checkRun.file.hash,
    }
  }, 120_000)
  afterAll(() => t.dispose())

  it('refuses every governance route to a citizen and to staff without the role (403), writing nothing', async () => {
    const citizen = (await signInPerson(t.app)).accessToken
    const clerk = await signInStaff(t.app, CLERK)
    const before = await counts()
    for (const token of [citizen, clerk]) {
      for (const request of requests()) {
        const res = await send(request, bearer(token))
        expect(res.statusCode, `${request.method} ${request.url}`).toBe(403)
        expect(res.json<{ code: string }>().code).toBe('PLATFORM_FORBIDDEN')
      }
    }
    expect(await counts()).toEqual(before)
  })

  it('asks for sign-in first (401)', async () => {
    for (const request of requests()) {
      const res = await send(request, {})
      expect(res.statusCode, `${request.method} ${request.url}`).toBe(401)
    }
  })

  it('keeps a data officer to the datasets of their own department', async () => {
    const before = await counts()
    const listed = await getJson<Array<{ code: string }>>(t.app, officer, '/datasets')
    expect(listed.map((d) => d.code)).toEqual([code])
    for (const request of [
      { method: 'GET', url: `/datasets/${market}` },
      { method: 'GET', url: `/datasets/${market}/scores` },
      { method: 'GET', url: `/alerts?dataset=${market}` },
      { method: 'POST', url: `/datasets/${market}/check-runs`, csv: 'name\n张三\n' },
      { method: 'POST', url: `/datasets/${market}/dedup-runs`, payload: { fileHash: ids.hash } },
    ] satisfies Request[]) {
      const res = await send(request, bearer(officer))
      expect(res.statusCode, `${request.method} ${request.url}`).toBe(403)
    }
    const elsewhere = await registerDataset(t.app, officer, {
      code: 'market.x',
      departmentCode: 'market',
    })
    expect(elsewhere.statusCode).toBe(403)
    expect(await counts()).toEqual(before)
    expect(readdirSync(join(t.app.config.dataDir, 'governance', 'uploads', 'tmp'))).toEqual([])
  })
})
