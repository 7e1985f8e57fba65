import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LightMyRequestResponse } from 'fastify'
import { createTestApp, type TestApp } from '../support/app.js'
import { countRows } from '../support/counts.js'
import { testDialects } from '../support/databases.js'
import { DEMO_PERSONS, bearer, seedDemo, signInPerson } from '../support/demo.js'
import {
  START_COMPANY,
  applicantIndex,
  approvalClient,
  expectOk,
  expectProblem,
} from './approval-support.js'

const AGENT = '330106199807210350' // agent of 示范市云栖智联科技有限公司
const TABLES = ['approval_application_drafts', 'platform_audit_records']

interface Draft {
  code: string
  kind: string
  enterpriseId: string | null
  form: Record<string, unknown>
}

describe.each(testDialects())('application drafts (%s)', (dialect) => {
  let t: TestApp
  let agent: string
  let other: string
  let enterpriseId: string
  const call = (
    method: 'GET' | 'PUT' | 'DELETE',
    path: string,
    token: string,
    payload?: object,
  ): Promise<LightMyRequestResponse> =>
    t.app.http.inject({
      method,
      url: `/api/v1/approval/application-drafts/${path}`,
      headers: bearer(token),
      ...(payload ? { payload } : {}),
    })
  const counts = () => countRows(t.app.database.db, TABLES)

  beforeAll(async () => {
    t = await createTestApp({ dialect })
    await seedDemo(t.app)
    agent = (await signInPerson(t.app, applicantIndex(AGENT))).accessToken
    const someoneElse = DEMO_PERSONS.findIndex((p) => p.idNumber !== AGENT)
    other = (await signInPerson(t.app, someoneElse)).accessToken
    const mine = await t.app.http.inject({
      url: '/api/v1/enterprises/mine',
      headers: bearer(agent),
    })
    enterpriseId = expectOk<Array<{ id: string }>>(mine)[0]!.id
  })
  afterAll(() => t.dispose())

  it('saves a draft, replaces it, reads it back and discards it, each audited', async () => {
    expectProblem(await call('GET', 'start_company', agent), 404, 'APPROVAL_DRAFT_NOT_FOUND')
    const before = await counts()
    const first = { kind: 'bundle', form: { company: { name: '示范市星河' } } }
    expectOk<Draft>(await call('PUT', 'start_company', agent, first))
    const second = { kind: 'bundle', form: { company: { name: '示范市星河数智' } } }
    expect(expectOk<Draft>(await call('PUT', 'start_company', agent, second))).toMatchObject({
      code: 'start_company',
      kind: 'bundle',
      enterpriseId: null,
      form: second.form,
    })
    expect(await counts()).toEqual({
      approval_application_drafts: before.approval_application_drafts! + 1,
      platform_audit_records: before.platform_audit_records! + 2,
    })
    expect(expectOk<Draft>(await call('GET', 'start_company', agent)).form).toEqual(second.form)
    const del = await call('DELETE', 'start_company', agent)
    expect(del.statusCode).toBe(204)
    expectProblem(await call('GET', 'start_company', agent), 404, 'APPROVAL_DRAFT_NOT_FOUND')
    expect((await counts()).platform_audit_records).toBe(before.platform_audit_records! + 3)
  })

  it('keeps a draft for an enterprise apart from the agent’s own', async () => {
    const form = { company: { name: '企业草稿' } }
    expectOk(await call('PUT', 'start_company', agent, { kind: 'bundle', enterpriseId, form }))
    expectProblem(await call('GET', 'start_company', agent), 404, 'APPROVAL_DRAFT_NOT_FOUND')
    const read = await call('GET', `start_company?enterpriseId=${enterpriseId}`, agent)
    expect(expectOk<Draft>(read)).toMatchObject({ enterpriseId, form })
  })

  it('hides a draft from everyone else, and refuses someone else’s enterprise', async () => {
    const before = await counts()
    expectProblem(
      await call('GET', `start_company?enterpriseId=${enterpriseId}`, other),
      403,
      'APPROVAL_NOT_AGENT',
    )
    expectProblem(await call('GET', 'start_company', other), 404, 'APPROVAL_DRAFT_NOT_FOUND')
    expectProblem(
      await call('PUT', 'start_company', other, { kind: 'bundle', enterpriseId, form: {} }),
      403,
      'APPROVAL_NOT_AGENT',
    )
    expectProblem(
      await call('DELETE', `start_company?enterpriseId=${enterpriseId}`, other),
      403,
      'APPROVAL_NOT_AGENT',
    )
    expect(await counts()).toEqual(before)
  })

  it('writes nothing for a bad request, an unknown bundle or no sign-in', async () => {
    const before = await counts()
    expectProblem(
      await call('PUT', 'start_company', agent, { kind: 'case', form: {} }),
      400,
      'PLATFORM_VALIDATION_FAILED',
    )
    expectProblem(
      await call('PUT', 'no_such_bundle', agent, { kind: 'bundle', form: {} }),
      404,
      'APPROVAL_SUBJECT_NOT_FOUND',
    )
    const anonymous = await t.app.http.inject({
      method: 'PUT',
      url: '/api/v1/approval/application-drafts/start_company',
      payload: { kind: 'bundle', form: {} },
    })
    expect(anonymous.statusCode).toBe(401)
    expectProblem(await call('DELETE', 'start_company', other), 404, 'APPROVAL_DRAFT_NOT_FOUND')
    expect(await counts()).toEqual(before)
  })

  it('gives the applicant, and nobody else, the form as last submitted', async () => {
    const sample = START_COMPANY!
    expect(sample.applicantIdNumber).toBe(AGENT)
    const owner = agent
    const api = approvalClient(t.app)
    const { id } = expectOk<{ id: string }>(
      await api.submit(owner, { kind: 'bundle', code: 'start_company', form: sample.form }),
      201,
    )
    const url = `/applications/${id}/submitted-form`
    expect(expectOk<{ form: object }>(await api.call('GET', url, owner)).form).toEqual(sample.form)
    expectProblem(await api.call('GET', url, other), 403, 'PLATFORM_FORBIDDEN')
  })
})
