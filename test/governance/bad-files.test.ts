import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/platform/clock.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { countRows } from '../support/counts.js'
import { testDialects } from '../support/databases.js'
import { bearer, seedDemo } from '../support/demo.js'
import {
  api,
  getJson,
  GOVERNANCE_TABLES,
  officerToken,
  populationCsv,
  registerDataset,
  upload,
} from './governance-support.js'

interface Problem {
  status: number
  code: string
  messages: { zh: string; en: string }
  errors: Array<{ pointer: string; code: string; message: { zh: string; en: string } }>
}
interface Run {
  id: string
  status: string
  score: number | null
  file: { kind: string }
  error: { code: string; message: { zh: string; en: string } } | null
  rules: unknown[]
}

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
])
const XLS = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
const NOT_A_WORKBOOK = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)])
const LIMIT = 64 * 1024

describe.each(testDialects())('files a check refuses or fails on (%s)', (dialect) => {
  let t: TestApp
  let officer: string
  const code = 'population.household'
  const counts = () => countRows(t.app.database.db, GOVERNANCE_TABLES)
  const uploadsDir = () => join(t.app.config.dataDir, 'governance', 'uploads')

  /** Uploads a file that must be refused; nothing is written, nothing stays on disk. */
  async function refused(content: string | Buffer, fileName: string, status = 400) {
    const before = await counts()
    const res = await upload(t.app, officer, code, content, { fileName })
    expect(res.statusCode, res.body).toBe(status)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(await counts()).toEqual(before)
    expect(
      readdirSync(uploadsDir()).filter((f) => f !== 'tmp'),
      'kept',
    ).toEqual([])
    expect(readdirSync(join(uploadsDir(), 'tmp')), 'temporary').toEqual([])
    return res.json<Problem>()
  }
  async function failedRun(content: string | Buffer, fileName: string) {
    const res = await upload(t.app, officer, code, content, { fileName })
    expect(res.statusCode, res.body).toBe(202)
    await t.app.runner.drain()
    const run = await getJson<Run>(t.app, officer, `/check-runs/${res.json<Run>().id}`)
    const scores = await t.app.database.db
      .selectFrom('governance_scores')
      .select('run_id')
      .where('run_id', '=', run.id)
      .execute()
    expect(scores).toEqual([])
    expect(run).toMatchObject({ status: 'failed', score: null, rules: [] })
    return run
  }

  beforeAll(async () => {
    t = await createTestApp({
      dialect,
      clock: fixedClock('2026-12-01T02:00:00Z', 1000),
      env: { TONGBAN_GOVERNANCE_MAX_UPLOAD_BYTES: String(LIMIT) },
    })
    await seedDemo(t.app)
    await t.app.runner.drain()
    officer = await officerToken(t.app)
    expect((await registerDataset(t.app, officer)).statusCode).toBe(201)
  }, 120_000)
  afterAll(() => t.dispose())

  it('refuses content that is not CSV, XLSX or JSON lines, naming the reason', async () => {
    const png = await refused(PNG, 'photo.csv')
    expect(png.code).toBe('GOVERNANCE_FILE_REFUSED')
    expect(png.errors).toMatchObject([{ pointer: '/file', code: 'GOVERNANCE_INPUT_BINARY' }])
    expect(png.messages.zh).toContain('photo.csv')
    expect(png.messages.en).toContain('binary')
    const xls = await refused(XLS, '人口.xls')
    expect(xls.errors[0]?.code).toBe('GOVERNANCE_INPUT_LEGACY_XLS')
    const named = await refused('name,sex\n张三,1\n', '人口.xlsx')
    expect(named.errors[0]?.code).toBe('GOVERNANCE_INPUT_NOT_XLSX')
    const empty = await refused('', 'empty.csv')
    expect(empty.errors[0]?.code).toBe('GOVERNANCE_INPUT_EMPTY')
  })

  it('refuses a file over the size limit before keeping any of it', async () => {
    const big = populationCsv({ count: 1200, seed: 3, errorRate: 0 })
    expect(Buffer.byteLength(big)).toBeGreaterThan(LIMIT)
    const problem = await refused(big, 'big.csv', 413)
    expect(problem.code).toBe('GOVERNANCE_FILE_TOO_LARGE')
  })

  it('fails the run of a workbook that cannot be read, with the reason, and stores no scores', async () => {
    const run = await failedRun(NOT_A_WORKBOOK, 'broken.xlsx')
    expect(run.file.kind).toBe('xlsx')
    expect(run.error?.code).toMatch(/^GOVERNANCE_INPUT_/)
    expect(run.error?.message.zh).toContain('broken.xlsx')
    const audited = await t.app.database.db
      .selectFrom('platform_audit_records')
      .select('action')
      .where('subject_id', '=', run.id)
      .orderBy('seq')
      .execute()
    expect(audited.map((a: { action: string }) => a.action)).toEqual([
      'governance.check.requested',
      'governance.check.failed',
    ])
  })

  it('fails the run of a table none of whose columns is an element of the standard', async () => {
    const run = await failedRun('订单号,金额\nA1,100\nA2,200\n', 'orders.csv')
    expect(run.error?.code).toBe('GOVERNANCE_CHECK_NO_ELEMENTS')
    expect(run.error?.message.en).toContain('订单号')
  })

  it('checks JSON lines', async () => {
    const lines = [
      { name: '张三', sex: '1', id_number: '11010519491231002X', birth_date: '1949-12-31' },
      { name: '李四', sex: '2', id_number: 'bad', birth_date: '1990-01-01' },
    ]
    const res = await upload(t.app, officer, code, lines.map((l) => JSON.stringify(l)).join('\n'), {
      fileName: 'people.jsonl',
      contentType: 'application/x-ndjson',
    })
    expect(res.statusCode, res.body).toBe(202)
    await t.app.runner.drain()
    const run = await getJson<Run>(t.app, officer, `/check-runs/${res.json<Run>().id}`)
    expect(run).toMatchObject({ status: 'done', file: { kind: 'jsonl' } })
    // Failed runs have no score: the trend holds the JSON-lines run only.
    const trend = await getJson<{ points: unknown[] }>(t.app, officer, `/datasets/${code}/scores`)
    expect(trend.points).toHaveLength(1)
  })

  it('refuses an upload to an unknown dataset, writing nothing', async () => {
    const before = await counts()
    const res = await upload(t.app, officer, 'no.such.dataset', 'name\n张三\n')
    expect(res.statusCode).toBe(404)
    expect(res.json<Problem>().code).toBe('GOVERNANCE_DATASET_NOT_FOUND')
    expect(await counts()).toEqual(before)
  })

  it('refuses a dataset registration with an unknown standard, element or department', async () => {
    const before = await counts()
    const bad = await registerDataset(t.app, officer, {
      code: 'population.other',
      standard: 'population',
      columns: { id_number: '公民身份号码', nickname: '昵称' },
      departmentCode: 'no_such_department',
    })
    expect(bad.statusCode).toBe(400)
    expect(JSON.parse(bad.body)).toMatchObject({
      code: 'GOVERNANCE_DATASET_INVALID',
      errors: [
        { pointer: '/columns/nickname', code: 'unknown_element' },
        { pointer: '/departmentCode', code: 'unknown_department' },
      ],
    })
    const standard = await registerDataset(t.app, officer, { code: 'x.y', standard: 'tax' })
    expect(JSON.parse(standard.body)).toMatchObject({
      errors: [{ pointer: '/standard', code: 'unknown_standard' }],
    })
    const pattern = await registerDataset(t.app, officer, { code: 'Bad Code!' })
    expect(pattern.statusCode).toBe(400)
    expect(JSON.parse(pattern.body).errors[0].pointer).toBe('/code')
    const again = await registerDataset(t.app, officer)
    expect(again.statusCode).toBe(409)
    expect(JSON.parse(again.body).code).toBe('GOVERNANCE_DATASET_EXISTS')
    expect(await counts()).toEqual(before)
  })

  it('refuses a dedup run on a file the dataset never received, writing nothing', async () => {
    const before = await counts()
    const res = await t.app.http.inject({
      method: 'POST',
      url: api(`/datasets/${code}/dedup-runs`),
      headers: bearer(officer),
      payload: { fileHash: 'b'.repeat(64) },
    })
    expect(res.statusCode).toBe(404)
    expect(await counts()).toEqual(before)
  })
})
