import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/platform/clock.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { bearer, seedDemo } from '../support/demo.js'
import {
  api,
  getJson,
  officerToken,
  populationCsv,
  registerDataset,
  upload,
} from './governance-support.js'

interface Sample {
  line: number
  reason: string
  values: Record<string, string | null>
}
interface Run {
  id: string
  status: string
  rows: number | null
  unreadableRows: number | null
  score: number | null
  file: { name: string; hash: string; size: number; kind: string }
  error: { code: string; message: { zh: string; en: string } } | null
  dimensions: Record<string, { score: number | null; checks: number; failed: number }>
  elements: Record<string, { score: number | null }>
  rules: Array<{
    id: string
    failed: number
    checks: number
    score: number | null
    samples: Sample[]
  }>
}
interface Alert {
  id: string
  dataset: string
  runId: string
  kind: string
  severity: string
  message: { zh: string; en: string }
  detail: { drop: number; elements: Array<{ element: string }> }
  acknowledgedAt: string | null
  acknowledgeNote: string | null
}

describe.each(testDialects())('quality checks of uploaded files (%s)', (dialect) => {
  let t: TestApp
  let officer: string
  let good: Run
  const code = 'population.household'

  const check = async (csv: string, fileName = 'population.csv') => {
    const res = await upload(t.app, officer, code, csv, { fileName })
    expect(res.statusCode, res.body).toBe(202)
    await t.app.runner.drain()
    return getJson<Run>(t.app, officer, `/check-runs/${res.json<Run>().id}`)
  }
  const alerts = (query = '') => getJson<Alert[]>(t.app, officer, `/alerts${query}`)

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock('2026-12-01T02:00:00Z', 1000) })
    await seedDemo(t.app)
    await t.app.runner.drain()
    officer = await officerToken(t.app)
    const res = await registerDataset(t.app, officer)
    expect(res.statusCode, res.body).toBe(201)
  }, 120_000)
  afterAll(() => t.dispose())

  it('queues a check of a CSV, then scores it per dimension, element and rule with samples', async () => {
    const csv = populationCsv({
      count: 300,
      seed: 7,
      errorRate: 0.1,
      extra: ['only,three,columns'],
    })
    const res = await upload(t.app, officer, code, csv, { fileName: '户籍人口-11月.csv' })
    expect(res.statusCode, res.body).toBe(202)
    const queued = res.json<Run>()
    expect(queued).toMatchObject({ status: 'queued', score: null })
    expect(queued.file).toMatchObject({ name: '户籍人口-11月.csv', kind: 'csv' })
    expect(queued.file.size).toBe(Buffer.byteLength(csv))
    expect(queued.file.hash).toMatch(/^[0-9a-f]{64}$/)

    await t.app.runner.drain()
    good = await getJson<Run>(t.app, officer, `/check-runs/${queued.id}`)
    expect(good).toMatchObject({ status: 'done', rows: 300, unreadableRows: 1, error: null })
    expect(good.score).toBeGreaterThan(90)
    expect(good.score).toBeLessThan(100)
    expect(good.dimensions.completeness?.checks).toBeGreaterThan(0)
    expect(good.elements.id_number?.score).toBeLessThan(100)
    const readable = good.rules.find((r) => r.id === 'row.readable')
    expect(readable?.samples[0]).toMatchObject({
      line: 302,
      reason: 'GOVERNANCE_INPUT_COLUMN_COUNT',
    })
    const invalidIds = good.rules.find((r) => r.id === 'id_number.valid')
    expect(invalidIds?.failed).toBeGreaterThan(0)
    expect(invalidIds?.samples[0]?.values.id_number).toMatch(/^\d{17}[\dX]$/)
    for (const rule of good.rules)
      expect(rule.samples.length).toBeLessThanOrEqual(Math.min(20, rule.failed))
  })

  it('keeps the uploaded file once under the data directory, named by its SM3 hash', async () => {
    const dir = join(t.app.config.dataDir, 'governance', 'uploads')
    expect(existsSync(join(dir, good.file.hash))).toBe(true)
    expect(readdirSync(join(dir, 'tmp'))).toEqual([])
    // Sampled rows carry ID numbers: they are stored encrypted.
    const stored = await t.app.database.db
      .selectFrom('governance_failure_samples')
      .select('values_token')
      .where('run_id', '=', good.id)
      .execute()
    const idNumber = good.rules.find((r) => r.id === 'id_number.valid')?.samples[0]?.values
      .id_number
    expect(stored.length).toBeGreaterThan(0)
    expect(JSON.stringify(stored)).not.toContain(idNumber)
  })

  it('raises an audited quality-drop alert when a later file is much worse', async () => {
    const worse = await check(
      populationCsv({
        count: 300,
        seed: 8,
        errorRate: 0.3,
        blank: ['phone', 'household_address', 'ethnicity'],
      }),
      '户籍人口-12月.csv',
    )
    expect(worse.status).toBe('done')
    expect(worse.score).toBeLessThan((good.score ?? 0) - 10)
    const [alert, ...more] = await alerts(`?dataset=${code}&open=true`)
    expect(more).toEqual([])
    expect(alert).toMatchObject({
      dataset: code,
      runId: worse.id,
      kind: 'quality_drop',
      acknowledgedAt: null,
    })
    expect(alert?.detail.drop).toBeGreaterThan(10)
    expect(alert?.detail.elements.map((e) => e.element)).toContain('household_address')
    expect(alert?.message.zh).toContain('户籍人口基础信息')
    const audited = await t.app.database.db
      .selectFrom('platform_audit_records')
      .select(['action', 'subject_id'])
      .where('action', '=', 'governance.alert.raised')
      .execute()
    expect(audited).toEqual([{ action: 'governance.alert.raised', subject_id: alert?.id }])
  })

  it('shows the score trend of the dataset and of one element, oldest first', async () => {
    const trend = await getJson<{ points: Array<{ runId: string; score: number }> }>(
      t.app,
      officer,
      `/datasets/${code}/scores`,
    )
    expect(trend.points.map((p) => p.runId)[0]).toBe(good.id)
    expect(trend.points).toHaveLength(2)
    expect(trend.points[1]!.score).toBeLessThan(trend.points[0]!.score)
    const element = await getJson<{ key: string; points: Array<{ score: number }> }>(
      t.app,
      officer,
      `/datasets/${code}/scores?scope=element&key=household_address`,
    )
    expect(element.key).toBe('household_address')
    expect(element.points.map((p) => p.score)).toEqual([good.elements.household_address?.score, 0])
  })

  it('does not alert on a file as good as before', async () => {
    await check(populationCsv({ count: 300, seed: 9, errorRate: 0.1 }))
    expect(await alerts()).toHaveLength(1)
  })

  it('acknowledges an alert once', async () => {
    const [alert] = await alerts()
    const ack = () =>
      t.app.http.inject({
        method: 'POST',
        url: api(`/alerts/${alert?.id}/acknowledge`),
        headers: bearer(officer),
        payload: { note: '来源系统导出缺列，已通知公安局' },
      })
    const first = await ack()
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json<Alert>()).toMatchObject({ acknowledgeNote: '来源系统导出缺列，已通知公安局' })
    const again = await ack()
    expect(again.statusCode).toBe(409)
    expect(again.json<{ code: string }>().code).toBe('GOVERNANCE_ALERT_ACKNOWLEDGED')
    expect(await alerts('?open=true')).toEqual([])
    expect(await alerts('?open=false')).toHaveLength(1)
  })

  it('answers a retried upload with the first run (Idempotency-Key)', async () => {
    const csv = populationCsv({ count: 20, seed: 10, errorRate: 0 })
    const headers = { 'idempotency-key': 'upload-2026-12-01-a' }
    const first = await upload(t.app, officer, code, csv, { headers })
    const retry = await upload(t.app, officer, code, csv, { headers })
    expect(first.statusCode, first.body).toBe(202)
    expect(retry.statusCode).toBe(202)
    expect(retry.json<Run>().id).toBe(first.json<Run>().id)
    const other = await upload(t.app, officer, code, `${csv}\n`, { headers })
    expect(other.statusCode).toBe(422)
    await t.app.runner.drain()
  })

  it('lists the dataset’s runs newest first', async () => {
    const runs = await getJson<Run[]>(t.app, officer, `/datasets/${code}/check-runs`)
    expect(runs).toHaveLength(4)
    expect(runs.at(-1)?.id).toBe(good.id)
  })
})
