import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import type { App } from '../../src/app.js'
import { DEMO_BUNDLE_SAMPLES } from '../../src/modules/catalog/demo/index.js'
import { DEMO_PERSONS, bearer } from '../support/demo.js'

export interface Problem {
  code: string
  messages: { zh: string; en: string }
  errors?: Array<{ pointer: string; code: string }>
}

export interface TaskRow {
  id: string
  case_id: string
  application_id: string
  node_id: string
  assignee_id: string | null
  state: string
  role: string
}

export interface ApplicationView {
  id: string
  caseNumber: string
  status: string
  cases: Array<{
    id: string
    caseNumber: string
    implementationCode: string
    departmentId: string
    status: string
  }>
}

export const START_COMPANY = DEMO_BUNDLE_SAMPLES.find((s) => s.bundleCode === 'start_company')
if (!START_COMPANY) throw new Error('the demo lacks the start_company sample')

export function applicantIndex(idNumber: string): number {
  const index = DEMO_PERSONS.findIndex((p) => p.idNumber === idNumber)
  if (index < 0) throw new Error(`no demo person ${idNumber}`)
  return index
}

export function expectOk<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status)
  return res.json<T>()
}

export function expectProblem(res: LightMyRequestResponse, status: number, code: string): Problem {
  expect(res.statusCode, res.body).toBe(status)
  expect(res.headers['content-type']).toContain('application/problem+json')
  const body = res.json<Problem>()
  expect(body.code).toBe(code)
  expect(body.messages.zh.length).toBeGreaterThan(0)
  expect(body.messages.en).not.toMatch(/\p{Script=Han}/u)
  return body
}

/** The signed-in staff member's (or person's) id, as the API names them. */
export async function staffIdOf(app: App, token: string): Promise<string> {
  return expectOk<{ id: string }>(
    await app.http.inject({ url: '/api/v1/me', headers: bearer(token) }),
  ).id
}

/** A small, valid PDF: what the tests upload as every material. */
export const SAMPLE_PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.alloc(256, 0x20),
  Buffer.from('\n%%EOF\n'),
])

interface Checklist {
  implementationCode: string
  materials: Array<{ code: string; required: boolean; attached: unknown[] }>
}

/**
 * What an applicant does before staff may approve: uploads one PDF and attaches it for every
 * required material not attached yet (of the given member items only, when named). Returns how
 * many were attached.
 */
export async function supplyMaterials(
  app: App,
  token: string,
  applicationId: string,
  items?: readonly string[],
): Promise<number> {
  const api = approvalClient(app)
  const upload = await app.http.inject({
    method: 'POST',
    url: '/api/v1/approval/materials',
    headers: {
      ...bearer(token),
      'content-type': 'application/pdf',
      'x-file-name': 'materials.pdf',
    },
    payload: SAMPLE_PDF,
  })
  const { id } = expectOk<{ id: string }>(upload, 201)
  const url = `/applications/${applicationId}/materials`
  const checklist = expectOk<Checklist[]>(await api.call('GET', url, token))
  let attached = 0
  for (const c of checklist) {
    if (items && !items.includes(c.implementationCode)) continue
    for (const m of c.materials.filter((x) => x.required && x.attached.length === 0)) {
      const body = { item: c.implementationCode, code: m.code, materialId: id }
      expectOk(await api.call('POST', url, token, body), 201)
      attached += 1
    }
  }
  return attached
}

/** Thin HTTP client over app.inject for the approval API. */
export function approvalClient(app: App) {
  const call = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    token: string,
    payload?: object,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> =>
    app.http.inject({
      method,
      url: `/api/v1/approval${url}`,
      headers: { ...bearer(token), ...headers },
      ...(payload === undefined ? {} : { payload }),
    })
  return {
    call,
    submit: (token: string, body: object, headers: Record<string, string> = {}) =>
      call('POST', '/applications', token, body, headers),
    get: (token: string, id: string) => call('GET', `/applications/${id}`, token),
    queue: async (token: string) => expectOk<TaskRow[]>(await call('GET', '/tasks', token)),
    claim: (token: string, taskId: string) => call('POST', `/tasks/${taskId}/claim`, token, {}),
    decide: (token: string, taskId: string, approved: boolean, reason?: string) =>
      call('POST', `/tasks/${taskId}/decision`, token, { approved, ...(reason ? { reason } : {}) }),
  }
}

/** The five departments of 企业开办 with their clerk (dept_staff) and approver (dept_approver). */
export const START_COMPANY_STAFF = {
  market: { clerk: 'market.li', approver: 'market.zhou' },
  public_security: { clerk: 'public_security.wang', approver: 'public_security.liu' },
  tax: { clerk: 'tax.chen', approver: 'tax.yang' },
  hrss: { clerk: 'hrss.zhao', approver: 'hrss.huang' },
  housing_fund: { clerk: 'housing_fund.zheng', approver: 'housing_fund.feng' },
} as const

export type StartCompanyDepartment = keyof typeof START_COMPANY_STAFF

/** The account whose role matches the task's: the approver for dept_approver, else the clerk. */
export function accountFor(department: StartCompanyDepartment, task: { role: string }): string {
  const staff = START_COMPANY_STAFF[department]
  return task.role === 'dept_approver' ? staff.approver : staff.clerk
}
