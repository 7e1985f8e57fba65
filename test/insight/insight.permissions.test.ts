import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { countRows } from '../support/counts.js'
import { testDialects } from '../support/databases.js'
import { bearer, signInPerson, signInStaff } from '../support/demo.js'
import {
  analystToken,
  api,
  CLERK,
  INSIGHT_TABLES,
  seedAnalysts,
  TRACES,
  uploadLog,
  xesOf,
} from './insight-support.js'

type Request = { method: 'GET' | 'POST'; url: string; payload?: unknown; file?: string }

describe.each(testDialects())('who may mine processes (%s)', (dialect) => {
  let t: TestApp
  let logId: string
  let analysisId: string
  const counts = () => countRows(t.app.database.db, INSIGHT_TABLES)

  const requests = (): Request[] => [
    { method: 'POST', url: '/logs', file: xesOf(TRACES) },
    { method: 'GET', url: '/logs' },
    { method: 'GET', url: `/logs/${logId}` },
    {
      method: 'POST',
      url: '/analyses',
      payload: { source: { kind: 'upload', logId }, options: { dfg: true } },
    },
    { method: 'GET', url: '/analyses' },
    { method: 'GET', url: `/analyses/${analysisId}` },
    { method: 'GET', url: `/analyses/${analysisId}/model.bpmn` },
    { method: 'GET', url: '/history?format=csv' },
  ]
  const send = (r: Request, headers: Record<string, string>) =>
    r.file === undefined
      ? t.app.http.inject({
          method: r.method,
          url: api(r.url),
          headers,
          ...(r.payload === undefined ? {} : { payload: r.payload as object }),
        })
      : t.app.http.inject({
          method: r.method,
          url: api(r.url),
          headers: { ...headers, 'content-type': 'application/xml' },
          payload: r.file,
        })

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedAnalysts(t.app)
    const analyst = await analystToken(t.app)
    logId = (await uploadLog(t.app, analyst, xesOf(TRACES))).json<{ id: string }>().id
    const res = await t.app.http.inject({
      method: 'POST',
      url: api('/analyses'),
      headers: bearer(analyst),
      payload: { source: { kind: 'upload', logId }, options: { discover: {} } },
    })
    analysisId = res.json<{ id: string }>().id
    await t.app.runner.drain()
  })
  afterAll(() => t.dispose())

  it('refuses every route without a token (401)', async () => {
    for (const r of requests()) expect((await send(r, {})).statusCode, r.url).toBe(401)
  })

  it('refuses a citizen and a clerk without the analyst role (403), writing nothing', async () => {
    const citizen = (await signInPerson(t.app, 0)).accessToken
    const clerk = await signInStaff(t.app, CLERK)
    const before = await counts()
    for (const token of [citizen, clerk])
      for (const r of requests()) {
        const res = await send(r, bearer(token))
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(403)
        expect(res.json<{ code: string }>().code).toBe('PLATFORM_FORBIDDEN')
      }
    expect(await counts()).toEqual(before)
  })

  it("refuses another department's analyst the market's log, analysis and history", async () => {
    const platform = {
      principal: {
        id: 'seed',
        kind: 'staff' as const,
        sessionId: 'seed',
        channel: 'counter' as const,
        assignments: [{ role: 'security_admin', departmentId: null }],
      },
      requestId: 'test',
      channel: 'counter' as const,
    }
    const tax = await t.app.identity.departments.findByCode('tax')
    const staff = await t.app.database.db
      .selectFrom('identity_staff')
      .select('id')
      .where('account', '=', 'tax.yang')
      .executeTakeFirstOrThrow()
    await t.app.identity.organisation.assignRole(
      platform,
      staff.id as string,
      'process_analyst',
      tax!.id,
    )
    const other = await signInStaff(t.app, 'tax.yang')
    for (const url of [
      `/logs/${logId}`,
      `/analyses/${analysisId}`,
      '/history?departmentCode=market',
    ]) {
      const res = await send({ method: 'GET', url }, bearer(other))
      expect(res.statusCode, url).toBe(403)
    }
    for (const url of ['/analyses', '/logs'])
      expect((await send({ method: 'GET', url }, bearer(other))).json()).toEqual([])
    const theirs = await send(
      {
        method: 'POST',
        url: '/analyses',
        payload: { source: { kind: 'upload', logId }, options: {} },
      },
      bearer(other),
    )
    expect(theirs.statusCode).toBe(403)
  })

  it("refuses the market's analyst the tax bureau's approval history, writing nothing", async () => {
    const analyst = await analystToken(t.app)
    const before = await counts()
    for (const r of [
      {
        method: 'POST' as const,
        url: '/analyses',
        payload: { source: { kind: 'approval', departments: ['tax'] }, options: {} },
      },
      { method: 'GET' as const, url: '/history?departmentCode=tax' },
    ])
      expect((await send(r, bearer(analyst))).statusCode, r.url).toBe(403)
    expect(await counts()).toEqual(before)
  })
})
