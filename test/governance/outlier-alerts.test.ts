import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/platform/clock.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { seedDemo } from '../support/demo.js'
import {
  getJson,
  officerToken,
  populationCsv,
  registerDataset,
  upload,
} from './governance-support.js'

interface Outliers {
  field: string
  groupBy: string[]
  values: number
  outliers: number
  rate: number
  sample: Array<{ line: number; group: string | null; value: number; method: string }>
}
interface Run {
  id: string
  status: string
  outliers: Outliers[]
}
interface Alert {
  id: string
  runId: string
  kind: string
  severity: string
  message: { zh: string; en: string }
  detail: { fields: Array<{ field: string; rate: number; baselineRate: number }> }
}

/**
 * A 人口 file with a 缴存基数 (housing-fund contribution base) column: about 8,000 yuan, and in
 * `wrongShare` of the rows a base entered in fen instead of yuan (×100).
 */
function withContributionBase(seed: number, wrongShare: number): string {
  let state = seed
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
  const [header, ...rows] = populationCsv({ count: 400, seed, errorRate: 0 }).trimEnd().split('\n')
  const based = rows.map((row) => {
    const base = Math.round(6000 + random() * 4000)
    return `${row},${random() < wrongShare ? base * 100 : base}`
  })
  return `${[`${header},contribution_base`, ...based].join('\n')}\n`
}

describe.each(testDialects())('outlier alerts of check runs (%s)', (dialect) => {
  let t: TestApp
  let officer: string
  const code = 'housing-fund.members'

  const check = async (csv: string) => {
    const res = await upload(t.app, officer, code, csv)
    expect(res.statusCode, res.body).toBe(202)
    await t.app.runner.drain()
    return getJson<Run>(t.app, officer, `/check-runs/${res.json<Run>().id}`)
  }
  const alerts = () => getJson<Alert[]>(t.app, officer, `/alerts?dataset=${code}`)

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock('2026-12-01T02:00:00Z', 1000) })
    await seedDemo(t.app)
    await t.app.runner.drain()
    officer = await officerToken(t.app)
    const res = await registerDataset(t.app, officer, {
      code,
      name: '公积金缴存人员',
      outliers: { fields: ['contribution_base'], groupBy: ['household_division'] },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect((JSON.parse(res.body) as { outliers: unknown }).outliers).toEqual({
      fields: ['contribution_base'],
      groupBy: ['household_division'],
    })
  }, 120_000)
  afterAll(() => t.dispose())

  it('judges the dataset’s numeric field per group and keeps the most extreme as examples', async () => {
    const run = await check(withContributionBase(1, 0.01))
    expect(run.status).toBe('done')
    const [base, ...more] = run.outliers
    expect(more).toEqual([])
    expect(base).toMatchObject({ field: 'contribution_base', groupBy: ['household_division'] })
    expect(base?.values).toBe(400)
    expect(base?.rate).toBeLessThan(0.05)
    expect(base?.sample.length).toBeLessThanOrEqual(20)
    expect(base?.sample[0]?.value).toBeGreaterThan(500_000)
    expect(base?.sample[0]?.group).toMatch(/^\d{6}$/)
    // The examples are stored encrypted.
    const stored: Array<{ sample_token: string }> = await t.app.database.db
      .selectFrom('governance_outlier_results')
      .select('sample_token')
      .where('run_id', '=', run.id)
      .execute()
    expect(stored[0]?.sample_token).toMatch(/^v1\./)
    expect(stored[0]?.sample_token).not.toContain(String(base?.sample[0]?.value))
  })

  it('does not alert while the outlier rate stays as before', async () => {
    await check(withContributionBase(2, 0.01))
    expect(await alerts()).toEqual([])
  })

  it('raises an audited outliers_rise alert when a file has many more outliers', async () => {
    const worse = await check(withContributionBase(3, 0.15))
    expect(worse.outliers[0]?.rate).toBeGreaterThan(0.1)
    const [alert, ...more] = await alerts()
    expect(more).toEqual([])
    expect(alert).toMatchObject({ runId: worse.id, kind: 'outliers_rise', severity: 'critical' })
    expect(alert?.detail.fields[0]).toMatchObject({ field: 'contribution_base' })
    expect(alert?.detail.fields[0]?.baselineRate).toBeLessThan(0.05)
    expect(alert?.message.zh).toContain('公积金缴存人员')
    expect(alert?.message.zh).toContain('contribution_base')
    const audited: Array<{ subject_id: string; after_json: string | null }> =
      await t.app.database.db
        .selectFrom('platform_audit_records')
        .select(['subject_id', 'after_json'])
        .where('action', '=', 'governance.alert.raised')
        .execute()
    expect(audited.map((a) => a.subject_id)).toEqual([alert?.id])
    expect(audited[0]?.after_json).toContain('outliers_rise')
  })

  it('refuses outlier settings without a field, naming the field, and writes nothing', async () => {
    const res = await registerDataset(t.app, officer, {
      code: 'housing-fund.other',
      outliers: { fields: [] },
    })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('/outliers/fields')
    expect((await getJson<unknown[]>(t.app, officer, '/datasets')).length).toBe(1)
  })

  it('judges a standard’s own numeric elements by its groups when the dataset names none', async () => {
    const res = await registerDataset(t.app, officer, {
      code: 'enterprises.registry',
      name: '企业登记',
      standard: 'legal_person',
    })
    expect(res.statusCode, res.body).toBe(201)
    expect((JSON.parse(res.body) as { outliers: unknown }).outliers).toEqual({
      fields: ['registered_capital'],
      groupBy: ['industry_code'],
    })
  })
})
