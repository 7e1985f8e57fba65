import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { countRows } from '../support/counts.js'
import { testDialects } from '../support/databases.js'
import { bearer, seedDemo } from '../support/demo.js'
import { fixedClock } from '../../src/platform/clock.js'
import { POLICY_TABLES, signInStaff } from './policy-support.js'

const DEMO = new URL('../../src/modules/policy/demo/', import.meta.url)
const demoFile = (name: string) => readFile(new URL(name, DEMO), 'utf8')

interface Problem {
  code?: string
  errors: Array<{ pointer: string; code: string; message: { zh: string; en: string } }>
}

describe.each(testDialects())('authoring policies over HTTP (%s)', (dialect) => {
  let t: TestApp
  let tax: string // tax.xu: the tax bureau's policy officer
  let taxYaml: string
  const submit = (source: string, files: Record<string, string> = {}, token = tax) =>
    t.app.http.inject({
      method: 'POST',
      url: '/api/v1/policy/policies',
      headers: { ...bearer(token), 'accept-language': 'en' },
      payload: { source, files },
    })
  const publish = (code: string, revision: number) =>
    t.app.http.inject({
      method: 'POST',
      url: `/api/v1/policy/policies/${code}/revisions/${revision}/publish`,
      headers: bearer(tax),
    })
  /** Asserts a refusal with the given status that changed nothing, and returns its problem. */
  async function refused(
    request: () => Promise<{ statusCode: number; body: string }>,
    status: number,
  ) {
    const before = await countRows(t.app.database.db, POLICY_TABLES)
    const res = await request()
    expect(res.statusCode, res.body).toBe(status)
    expect(await countRows(t.app.database.db, POLICY_TABLES)).toEqual(before)
    return JSON.parse(res.body) as Problem
  }

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock('2026-11-20T02:00:00Z', 1) })
    await seedDemo(t.app)
    await t.app.runner.drain()
    tax = await signInStaff(t.app, 'tax.xu')
    taxYaml = await demoFile('small-low-profit-enterprise-tax.yaml')
  }, 120_000)
  afterAll(() => t.dispose())

  it('refuses a FEEL syntax error, naming the pointer, the YAML line and the expression column', async () => {
    const broken = taxYaml.replace(
      'expression: employees <= 300',
      'expression: employees <= <= 300',
    )
    const problem = await refused(() => submit(broken), 400)
    const error = problem.errors.find((e) => e.code === 'POLICY_FEEL_SYNTAX')
    expect(error?.pointer).toBe('/versions/0/eligibility/1/expression')
    expect(error?.message.en).toMatch(/line \d+, column \d+/)
    expect(error?.message.en).toMatch(/expression line 1, column \d+/)
    expect(error?.message.zh).toMatch(/第 \d+ 行第 \d+ 列/)
  })

  it('refuses overlapping rules in a UNIQUE table, naming both', async () => {
    const sme = await demoFile('sme-classification.yaml')
    const dmn = await demoFile('sme-size.dmn')
    // 批发业 (51) again under 零售业's rule: two rules now match industry class 51xx.
    const overlapping = sme.replace(
      `- { when: ['52', '-'], then: ['"零售业"'] }`,
      `- { when: ['[51..52]', '-'], then: ['"零售业"'] }`,
    )
    expect(overlapping).not.toBe(sme)
    const market = await signInStaff(t.app, 'market.sun')
    const problem = await refused(() => submit(overlapping, { 'sme-size.dmn': dmn }, market), 400)
    expect(problem.errors.map((e) => e.code)).toContain('POLICY_TABLE_OVERLAP')
  })

  it('refuses a test case naming an unknown fact', async () => {
    const unknownFact = taxYaml.replace(/(\n {6})employees: (\d+)/, '$1employeeCount: $2')
    expect(unknownFact).not.toBe(taxYaml)
    const problem = await refused(() => submit(unknownFact), 400)
    expect(problem.errors.map((e) => e.code)).toContain('POLICY_TEST_FACT_UNKNOWN')
  })

  it('refuses a policy of another department (403) and an unknown department (400)', async () => {
    const market = await signInStaff(t.app, 'market.sun')
    await refused(() => submit(taxYaml, {}, market), 403)
    const problem = await refused(
      () => submit(taxYaml.replace('department: tax', 'department: nowhere')),
      400,
    )
    expect(problem.errors[0]?.pointer).toBe('/department')
  })

  it('keeps a draft until its tests pass, then freezes the published revision', async () => {
    // A wrong expectation: the relief of 2023 is 400,000 yuan, not 1 yuan.
    const failing = taxYaml.replace(/amount: '?400000(\.00)?'?/, "amount: '1.00'")
    expect(failing).not.toBe(taxYaml)
    const draft = await submit(failing)
    expect(draft.statusCode, draft.body).toBe(201)
    const { revision } = draft.json<{ revision: number }>()
    expect(revision).toBe(2)
    const tests = await t.app.http.inject({
      method: 'POST',
      url: `/api/v1/policy/policies/small-low-profit-enterprise-tax/revisions/${revision}/tests`,
      headers: bearer(tax),
    })
    expect(tests.statusCode).toBe(200)
    expect(tests.json<{ failed: number }>().failed).toBe(1)
    const problem = await refused(() => publish('small-low-profit-enterprise-tax', revision), 409)
    expect(problem.errors.map((e) => e.code)).toContain('POLICY_TEST_FAILED')
    // The draft is replaced by a corrected submission (still revision 2), which publishes.
    const fixed = await submit(taxYaml)
    expect(fixed.json<{ revision: number }>().revision).toBe(2)
    expect((await publish('small-low-profit-enterprise-tax', 2)).statusCode).toBe(200)
    // Published revisions never change: publishing again is refused; a new submission is revision 3.
    await refused(() => publish('small-low-profit-enterprise-tax', 2), 409)
    await refused(() => publish('small-low-profit-enterprise-tax', 1), 409)
    const next = await submit(taxYaml)
    expect(next.json<{ revision: number }>().revision).toBe(3)
  })
})
