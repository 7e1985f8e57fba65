import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { bearer } from '../support/demo.js'
import {
  analystToken,
  api,
  csvOf,
  expectedCounts,
  getJson,
  gzip,
  seedAnalysts,
  TRACES,
  uploadLog,
  xesOf,
  type AnalysisView,
} from './insight-support.js'

const expected = expectedCounts(TRACES)

describe.each(testDialects())('analyses of an uploaded log (%s)', (dialect) => {
  let t: TestApp
  let token: string

  const analyse = async (body: Record<string, unknown>) => {
    const res = await t.app.http.inject({
      method: 'POST',
      url: api('/analyses'),
      headers: bearer(token),
      payload: body,
    })
    expect(res.statusCode, res.body).toBe(202)
    return res.json<{ id: string; status: string }>()
  }
  const runToEnd = async (id: string) => {
    await t.app.runner.drain()
    return getJson<AnalysisView>(t.app, token, `/analyses/${id}`)
  }
  const pairsOf = (view: AnalysisView) =>
    Object.fromEntries(
      (view.result?.dfg?.edges ?? [])
        .map((e): [string, number] => [`${e.from}>${e.to}`, e.count])
        .sort(),
    )

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedAnalysts(t.app)
    token = await analystToken(t.app)
  })
  afterAll(() => t.dispose())

  it('uploads a gzipped XES log and runs an analysis job to completion with the counts of the log', async () => {
    const up = await uploadLog(t.app, token, gzip(xesOf(TRACES)), '', 'hand.xes.gz')
    expect(up.statusCode, up.body).toBe(201)
    const log = up.json<{ id: string; format: string; fileName: string }>()
    expect(log).toMatchObject({ format: 'xes', fileName: 'hand.xes.gz' })
    const queued = await analyse({
      source: { kind: 'upload', logId: log.id },
      options: { dfg: true, variants: 10, performance: true, rework: true, discover: {} },
    })
    expect(queued.status).toBe('queued')
    const view = await runToEnd(queued.id)
    expect(view.status).toBe('done')
    expect(view.progress?.step).toBe('done')
    const { pairs, ...counts } = expected
    expect(view.result?.counts).toEqual(counts)
    expect(pairsOf(view)).toEqual(pairs)
    expect(view.result?.variants?.[0]).toMatchObject({
      activities: ['A', 'B', 'C'],
      count: 2,
      share: 0.5,
    })
    expect(view.result?.rework).toBeDefined()
    expect(view.issues?.total).toBe(0)
    expect(view.result?.discovered?.activities).toBe(3)
    const model = await t.app.http.inject({
      url: api(`/analyses/${queued.id}/model.bpmn`),
      headers: bearer(token),
    })
    expect(model.statusCode).toBe(200)
    expect(model.headers['content-type']).toContain('application/xml')
    expect(model.body).toMatch(/^<\?xml[\s\S]*<bpmn:definitions|<definitions/)
    const audit: Array<{ action: string }> = await t.app.database.db
      .selectFrom('platform_audit_records')
      .select('action')
      .where('subject_id', 'in', [log.id, queued.id])
      .orderBy('at')
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'insight.log.uploaded',
      'insight.analysis.requested',
      'insight.analysis.finished',
    ])
  })

  it('reads a CSV log through its column mapping, filtered to the most frequent variant', async () => {
    const up = await uploadLog(
      t.app,
      token,
      csvOf(TRACES),
      '?case=case_no&activity=step&timestamp=at&resource=staff',
      'hand.csv',
    )
    expect(up.statusCode, up.body).toBe(201)
    const { id } = up.json<{ id: string }>()
    const queued = await analyse({
      source: { kind: 'upload', logId: id },
      options: { variants: 5 },
      filters: [{ kind: 'variant', top: 1 }],
    })
    const view = await runToEnd(queued.id)
    expect(view.status, JSON.stringify(view.error)).toBe('done')
    expect(view.result?.counts).toEqual({ cases: 2, events: 6, activities: 3, variants: 1 })
  })

  it('replays the log against an uploaded BPMN model: fitness 1 for the model discovered with noise 0', async () => {
    const up = await uploadLog(t.app, token, xesOf(TRACES))
    const { id } = up.json<{ id: string }>()
    const discovered = await runToEnd(
      (
        await analyse({
          source: { kind: 'upload', logId: id },
          options: { discover: { noiseThreshold: 0 } },
        })
      ).id,
    )
    const bpmn = (
      await t.app.http.inject({
        url: api(`/analyses/${discovered.id}/model.bpmn`),
        headers: bearer(token),
      })
    ).body
    const view = await runToEnd(
      (await analyse({ source: { kind: 'upload', logId: id }, options: { conformance: { bpmn } } }))
        .id,
    )
    expect(view.result?.conformance?.ok).toBe(true)
    expect(view.result?.conformance?.report?.fitness).toBe(1)
  })

  it('answers a retried request with the same analysis (Idempotency-Key)', async () => {
    const up = await uploadLog(t.app, token, xesOf(TRACES))
    const body = { source: { kind: 'upload', logId: up.json<{ id: string }>().id }, options: {} }
    const send = () =>
      t.app.http.inject({
        method: 'POST',
        url: api('/analyses'),
        headers: { ...bearer(token), 'idempotency-key': 'insight-retry-0001' },
        payload: body,
      })
    const first = await send()
    const again = await send()
    expect(again.statusCode).toBe(202)
    expect(again.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id)
  })

  it('fails an analysis whose uploaded file is gone, naming the reason', async () => {
    const up = await uploadLog(t.app, token, xesOf({ gone: ['X', 'Y'] }))
    const log = up.json<{ id: string; hash: string }>()
    rmSync(t.app.insight.uploads.pathOf(log.hash))
    const queued = await analyse({ source: { kind: 'upload', logId: log.id }, options: {} })
    const view = await runToEnd(queued.id)
    expect(view.status).toBe('failed')
    expect(view.error?.code).toBe('INSIGHT_LOG_UNREADABLE')
  })

  it('lists the analyses newest first', async () => {
    await t.app.runner.drain()
    const list = await getJson<Array<{ id: string; status: string; createdAt: string }>>(
      t.app,
      token,
      '/analyses',
    )
    expect(list).toHaveLength(6)
    expect(list.map((a) => a.status).filter((s) => s !== 'done')).toEqual(['failed'])
    const times = list.map((a) => a.createdAt)
    expect(times).toEqual([...times].sort().reverse())
    const logs = await getJson<Array<{ fileName: string }>>(t.app, token, '/logs?limit=2')
    expect(logs.map((l) => l.fileName)).toEqual(['log.xes', 'log.xes'])
  })
})
