import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Clock } from '../../src/platform/clock.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { bearer } from '../support/demo.js'
import { analystToken, api, seedAnalysts, TRACES, uploadLog, xesOf } from './insight-support.js'

const DAY = 86_400_000

describe.each(testDialects())('uploaded logs past their retention (%s)', (dialect) => {
  let t: TestApp
  let token: string
  let t0 = Date.parse('2026-12-01T02:00:00Z')
  const clock: Clock & { advance(ms: number): void } = {
    now: () => new Date((t0 += 1)),
    advance: (ms) => void (t0 += ms),
  }
  const upload = async (traces: Record<string, string[]>) =>
    (await uploadLog(t.app, token, xesOf(traces))).json<{ id: string; hash: string }>()
  const analyse = (logId: string) =>
    t.app.http.inject({
      method: 'POST',
      url: api('/analyses'),
      headers: bearer(token),
      payload: { source: { kind: 'upload', logId }, options: {} },
    })

  beforeAll(async () => {
    t = await createTestApp({
      dialect,
      clock,
      env: { TONGBAN_GOVERNANCE_MAX_UPLOAD_BYTES: '4096' },
    })
    await seedAnalysts(t.app)
    token = await analystToken(t.app)
  })
  afterAll(() => t.dispose())

  it('deletes a file unused for longer than the retention, keeps one a queued analysis needs, and audits', async () => {
    const old = await upload(TRACES)
    const needed = await upload({ n1: ['A', 'B'] })
    const fresh = await upload({ f1: ['A', 'C'] })
    clock.advance(8 * DAY)
    token = await analystToken(t.app)
    await upload({ f1: ['A', 'C'] }) // uploaded again: its retention starts over
    expect((await analyse(needed.id)).statusCode).toBe(202) // queued, not run
    const report = await t.app.insight.upkeep.sweep()
    expect(report.deletedUploads).toEqual([old.hash])
    expect(existsSync(t.app.insight.uploads.pathOf(old.hash))).toBe(false)
    expect(existsSync(t.app.insight.uploads.pathOf(needed.hash))).toBe(true)
    expect(existsSync(t.app.insight.uploads.pathOf(fresh.hash))).toBe(true)
    const audit: Array<{ subject_id: string }> = await t.app.database.db
      .selectFrom('platform_audit_records')
      .select('subject_id')
      .where('action', '=', 'insight.upload.deleted')
      .execute()
    expect(audit.map((a) => a.subject_id)).toEqual([old.hash])
    // The log's row stays; an analysis asked for now fails as unreadable.
    const late = await analyse(old.id)
    await t.app.runner.drain()
    const view = await t.app.http.inject({
      url: api(`/analyses/${late.json<{ id: string }>().id}`),
      headers: bearer(token),
    })
    expect(view.json<{ error: { code: string } }>().error.code).toBe('INSIGHT_LOG_UNREADABLE')
  })

  it('refuses a log over the size limit with 413, keeping nothing', async () => {
    const before = await t.app.database.db.selectFrom('insight_logs').select('id').execute()
    const big = xesOf(
      Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`c${i}`, ['A', 'B']])),
    )
    const res = await uploadLog(t.app, token, big)
    expect(res.statusCode, res.body).toBe(413)
    expect(res.json<{ code: string; errors: Array<{ pointer: string }> }>()).toMatchObject({
      code: 'INSIGHT_LOG_TOO_LARGE',
      errors: [{ pointer: '/file' }],
    })
    const after = await t.app.database.db.selectFrom('insight_logs').select('id').execute()
    expect(after).toHaveLength(before.length)
  })
})
