import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { countRows } from '../support/counts.js'
import { testDialects } from '../support/databases.js'
import { bearer } from '../support/demo.js'
import {
  analystToken,
  api,
  getJson,
  INSIGHT_TABLES,
  seedAnalysts,
  TRACES,
  uploadLog,
  xesOf,
  type AnalysisView,
} from './insight-support.js'

interface Problem {
  code: string
  errors: Array<{ pointer: string; code: string; message: { zh: string; en: string } }>
}

describe.each(testDialects())('bad input to process mining (%s)', (dialect) => {
  let t: TestApp
  let token: string
  let logId: string
  const counts = () => countRows(t.app.database.db, INSIGHT_TABLES)
  const analyse = (body: Record<string, unknown>) =>
    t.app.http.inject({
      method: 'POST',
      url: api('/analyses'),
      headers: bearer(token),
      payload: body,
    })

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedAnalysts(t.app)
    token = await analystToken(t.app)
    const up = await uploadLog(t.app, token, xesOf(TRACES))
    logId = up.json<{ id: string }>().id
  })
  afterAll(() => t.dispose())

  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n\u0000\u0001binary'), '', '/file', 'INSIGHT_LOG_NOT_TEXT'],
    [
      'XML that is not XES',
      '<?xml version="1.0"?><html><body/></html>',
      '',
      '/file',
      'INSIGHT_LOG_NOT_XES',
    ],
    [
      'CSV without a mapping',
      'case,activity,time\n1,A,2026-01-01\n',
      '',
      '/case',
      'INSIGHT_LOG_MAPPING_MISSING',
    ],
    [
      'CSV whose mapping names a missing column',
      'case,activity,time\n1,A,2026-01-01\n',
      '?case=case&activity=activity&timestamp=when',
      '/timestamp',
      'INSIGHT_LOG_COLUMN_MISSING',
    ],
    ['an empty body', '', '', '/file', 'INSIGHT_LOG_EMPTY'],
  ])(
    'refuses %s, naming the field, and writes nothing',
    async (_, content, query, pointer, code) => {
      const before = await counts()
      const res = await uploadLog(t.app, token, content, query, 'x.bin')
      expect(res.statusCode, res.body).toBe(400)
      expect(res.headers['content-type']).toContain('application/problem+json')
      const problem = res.json<Problem>()
      expect(problem.code).toBe('INSIGHT_LOG_REFUSED')
      expect(problem.errors[0]).toMatchObject({ pointer, code })
      expect(problem.errors[0]?.message.zh).toBeTruthy()
      expect(await counts()).toEqual(before)
    },
  )

  it('reports an unparsable timestamp with its trace and event, and still analyses the log', async () => {
    const bad = xesOf(TRACES, { trace: 'c3', event: 2, value: '昨天下午' })
    const up = await uploadLog(t.app, token, bad)
    expect(up.statusCode, up.body).toBe(201)
    const queued = await analyse({
      source: { kind: 'upload', logId: up.json<{ id: string }>().id },
      options: { performance: true },
    })
    expect(queued.statusCode, queued.body).toBe(202)
    await t.app.runner.drain()
    const view = await getJson<AnalysisView>(
      t.app,
      token,
      `/analyses/${queued.json<{ id: string }>().id}`,
    )
    expect(view.status).toBe('done')
    expect(view.result?.counts.events).toBe(13)
    expect(view.issues?.issues).toEqual([
      expect.objectContaining({
        code: 'INSIGHT_LOG_BAD_TIMESTAMP',
        case: 'c3',
        event: 2,
        value: '昨天下午',
      }),
    ])
  })

  it('refuses conformance against an unknown item, and an unknown log, and writes nothing', async () => {
    const before = await counts()
    const res = await analyse({
      source: { kind: 'upload', logId: 'no-such-log' },
      options: { conformance: { item: 'no_such_item' } },
    })
    expect(res.statusCode, res.body).toBe(400)
    const problem = res.json<Problem>()
    expect(problem.code).toBe('INSIGHT_ANALYSIS_INVALID')
    expect(problem.errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/source/logId', 'INSIGHT_LOG_NOT_FOUND'],
      ['/options/conformance/item', 'INSIGHT_ITEM_UNKNOWN'],
    ])
    expect(await counts()).toEqual(before)
  })

  it('refuses an approval-history source naming an unknown department, and writes nothing', async () => {
    const before = await counts()
    const res = await analyse({
      source: { kind: 'approval', departments: ['market', 'no_such_bureau'] },
      options: {},
    })
    expect(res.statusCode, res.body).toBe(400)
    expect(res.json<Problem>().errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/source/departments/1', 'INSIGHT_DEPARTMENT_UNKNOWN'],
    ])
    expect(await counts()).toEqual(before)
  })

  it('refuses a BPMN model the replay cannot read, and a filter of the wrong shape', async () => {
    const before = await counts()
    const model = await analyse({
      source: { kind: 'upload', logId },
      options: { conformance: { bpmn: '<definitions>not bpmn' } },
    })
    expect(model.statusCode, model.body).toBe(400)
    expect(model.json<Problem>().errors[0]?.pointer).toMatch(/^\/options\/conformance\/bpmn/)
    const filter = await analyse({
      source: { kind: 'upload', logId },
      options: {},
      filters: [{ kind: 'time-window', from: 'last tuesday', mode: 'events' }],
    })
    expect(filter.statusCode, filter.body).toBe(400)
    expect(filter.json<Problem>().errors[0]?.pointer).toContain('/filters/0')
    expect(await counts()).toEqual(before)
  })

  it('shows an analysis whose job gave up as failed (abandoned), and records it once', async () => {
    const queued = await analyse({ source: { kind: 'upload', logId }, options: {} })
    const { id } = queued.json<{ id: string }>()
    const row: { job_id: string } = await t.app.database.db
      .selectFrom('insight_analyses')
      .select('job_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    await t.app.database.db
      .updateTable('platform_jobs')
      .set({ status: 'failed' })
      .where('id', '=', row.job_id)
      .execute()
    for (let i = 0; i < 2; i++) {
      const view = await getJson<AnalysisView>(t.app, token, `/analyses/${id}`)
      expect(view.status).toBe('failed')
      expect(view.error?.code).toBe('INSIGHT_ANALYSIS_ABANDONED')
    }
    const audit: Array<{ action: string }> = await t.app.database.db
      .selectFrom('platform_audit_records')
      .select('action')
      .where('subject_id', '=', id)
      .where('action', '=', 'insight.analysis.failed')
      .execute()
    expect(audit).toHaveLength(1)
  })
})
