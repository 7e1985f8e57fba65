import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer } from '../support/demo.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { countRows } from '../support/counts.js'
import { testDialects } from '../support/databases.js'
import { seedDemo } from '../support/demo.js'
import { fixedClock } from '../../src/platform/clock.js'
import {
  BINJIANG,
  HUPAN,
  POLICY_TABLES,
  QINGHE,
  YUNHE,
  YUNQI,
  person,
  signInAs,
  signInStaff,
  textsTo,
} from './policy-support.js'

interface Match {
  policy: { code: string; exemptApplication: boolean }
  status: string
  need: string[]
  amount: { value: string; unit: string } | null
  conditions: Array<{ id: string; status: string; facts: Record<string, unknown> }>
}

describe.each(testDialects())('policy matching on the demo city (%s)', (dialect) => {
  let t: TestApp
  let chen: string // 陈思远, legal representative of 云栖智联科技
  const api = (path: string) => `/api/v1/policy${path}`
  const matchesOf = async (code: string, token = chen) => {
    const res = await t.app.http.inject({
      url: api(`/enterprises/${code}/matches`),
      headers: bearer(token),
    })
    expect(res.statusCode, res.body).toBe(200)
    return res.json<{ pending: boolean; matches: Match[] }>()
  }
  const find = (matches: Match[], code: string) => {
    const found = matches.find((m) => m.policy.code === code)
    if (!found) throw new Error(`no result for ${code}`)
    return found
  }

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock('2026-11-20T02:00:00Z', 1) })
    await seedDemo(t.app)
    await t.app.runner.drain()
    chen = await signInAs(t.app, '330106199807210350')
  }, 120_000)
  afterAll(() => t.dispose())

  it('lists the published demo policies publicly', async () => {
    const res = await t.app.http.inject({ url: api('/policies') })
    expect(res.statusCode).toBe(200)
    const codes = res.json<Array<{ code: string }>>().map((p) => p.code)
    expect(codes).toEqual(
      expect.arrayContaining([
        'small-low-profit-enterprise-tax',
        'sme-classification',
        'high-tech-enterprise',
        'demo-city-hiring-subsidy',
        'demo-city-incubator-rent-subsidy',
      ]),
    )
  })

  it('explains an enterprise’s matches: eligible with the amount, possibly with what is needed', async () => {
    const { matches, pending } = await matchesOf(YUNQI)
    expect(pending).toBe(false)
    const tax = find(matches, 'small-low-profit-enterprise-tax')
    expect(tax.status).toBe('eligible')
    // 2023–2027: 5 % instead of 25 % on 1,260,000 yuan → 252,000 yuan relief, exactly.
    expect(tax.amount).toEqual({ value: '252000.00', unit: 'CNY' })
    expect(tax.conditions.find((c) => c.id === 'employees')).toMatchObject({
      status: 'passed',
      facts: { employees: 28 },
    })
    const highTech = find(matches, 'high-tech-enterprise')
    expect(highTech.status).toBe('possibly_eligible')
    expect(highTech.need).toContain('innovationScore')
    const rent = find(matches, 'demo-city-incubator-rent-subsidy')
    expect(rent.status).toBe('eligible')
    expect(rent.policy.exemptApplication).toBe(true)
  })

  it('says why a policy does not fit, with the values it read', async () => {
    const { matches } = await matchesOf(BINJIANG, await signInAs(t.app, '330108199011020263'))
    const tax = find(matches, 'small-low-profit-enterprise-tax')
    expect(tax.status).toBe('not_eligible')
    expect(tax.conditions.find((c) => c.id === 'taxable-income')).toMatchObject({
      status: 'failed',
      facts: { annualTaxableIncome: 5_400_000 },
    })
  })

  it('texts an eligible enterprise once per policy revision, even when matched again', async () => {
    const phone = person('330106199807210350').phone
    const before = (await textsTo(t.app, phone)).filter((b) => b.includes('小型微利'))
    expect(before).toHaveLength(1)
    // A new figure makes the enterprise out of date; it is matched again but not texted again.
    const declared = await t.app.http.inject({
      method: 'PUT',
      url: api(`/enterprises/${YUNQI}/facts`),
      headers: bearer(chen),
      payload: { facts: { innovationScore: 75 }, asOf: '2025-12-31' },
    })
    expect(declared.statusCode, declared.body).toBe(200)
    await t.app.runner.drain()
    const after = (await textsTo(t.app, phone)).filter((b) => b.includes('小型微利'))
    expect(after).toHaveLength(1)
    expect(find((await matchesOf(YUNQI)).matches, 'high-tech-enterprise').status).toBe('eligible')
  })

  it('records a notice without contact for an enterprise known only from imported data', async () => {
    const rows = await t.app.database.db
      .selectFrom('policy_notices')
      .select(['delivery', 'policy_code'])
      .where('credit_code', '=', QINGHE)
      .execute()
    expect(rows.map((r) => String(r.delivery))).toContain('no_contact')
  })

  it('refuses another enterprise’s matches (403)', async () => {
    const res = await t.app.http.inject({
      url: api(`/enterprises/${YUNHE}/matches`),
      headers: bearer(chen),
    })
    expect(res.statusCode).toBe(403)
  })

  it('refuses facts of the wrong type or unknown names, naming each, and writes nothing', async () => {
    const before = await countRows(t.app.database.db, POLICY_TABLES)
    const res = await t.app.http.inject({
      method: 'PUT',
      url: api(`/enterprises/${YUNQI}/facts`),
      headers: { ...bearer(chen), 'accept-language': 'en' },
      payload: {
        facts: { employees: 'many', favouriteColour: 'blue', registrationDate: '2020-01-01' },
      },
    })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    const pointers = res.json<{ errors: Array<{ pointer: string; code: string }> }>().errors
    expect(pointers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/facts/employees', code: 'POLICY_FACT_TYPE' }),
        expect.objectContaining({ pointer: '/facts/favouriteColour', code: 'POLICY_FACT_UNKNOWN' }),
        expect.objectContaining({
          pointer: '/facts/registrationDate',
          code: 'POLICY_FACT_FROM_REGISTER',
        }),
      ]),
    )
    expect(await countRows(t.app.database.db, POLICY_TABLES)).toEqual(before)
  })

  it('grants 免申即享 benefits for the department to approve in bulk, once', async () => {
    const officer = await signInStaff(t.app, 'science_technology.lin')
    const list = await t.app.http.inject({
      url: api('/departments/science_technology/grants?status=pending'),
      headers: bearer(officer),
    })
    expect(list.statusCode, list.body).toBe(200)
    const grants = list.json<Array<{ id: string; creditCode: string; amount: string | null }>>()
    expect(grants.map((g) => g.creditCode)).toContain(YUNQI)
    expect(grants.map((g) => g.creditCode)).not.toContain(HUPAN)
    const ids = grants.map((g) => g.id)
    const decided = await t.app.http.inject({
      method: 'POST',
      url: api('/grant-decisions'),
      headers: bearer(officer),
      payload: { ids, decision: 'approve' },
    })
    expect(decided.statusCode, decided.body).toBe(200)
    expect(decided.json()).toEqual({ decided: ids.length, status: 'approved' })
    const again = await t.app.http.inject({
      method: 'POST',
      url: api('/grant-decisions'),
      headers: bearer(officer),
      payload: { ids, decision: 'approve' },
    })
    expect(again.statusCode).toBe(409)
    const audited = await t.app.database.db
      .selectFrom('platform_audit_records')
      .select('subject_id')
      .where('action', '=', 'policy.grant.approved')
      .execute()
    expect(audited.map((a) => String(a.subject_id)).sort()).toEqual([...ids].sort())
    // Another department's officer may not decide them.
    const tax = await signInStaff(t.app, 'tax.xu')
    const refused = await t.app.http.inject({
      url: api('/departments/science_technology/grants'),
      headers: bearer(tax),
    })
    expect(refused.statusCode).toBe(403)
  })

  it('answers "what if" on supplied facts without storing anything', async () => {
    const before = await countRows(t.app.database.db, POLICY_TABLES)
    const res = await t.app.http.inject({
      method: 'POST',
      url: api('/what-if'),
      headers: bearer(chen),
      payload: {
        on: '2024-06-30',
        policies: ['small-low-profit-enterprise-tax'],
        facts: {
          annualTaxableIncome: 3_000_000,
          employees: 300,
          totalAssets: 50_000_000,
          restrictedIndustry: false,
        },
      },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<{ matches: Match[] }>().matches[0]).toMatchObject({
      status: 'eligible',
      amount: { value: '600000.00' },
    })
    expect(await countRows(t.app.database.db, POLICY_TABLES)).toEqual(before)
  })

  it('refuses a "what if" fact of the wrong type once, at its pointer', async () => {
    const res = await t.app.http.inject({
      method: 'POST',
      url: api('/what-if'),
      headers: bearer(chen),
      payload: { facts: { employees: 'many' } },
    })
    expect(res.statusCode, res.body).toBe(400)
    const errors = res.json<{ errors: Array<{ pointer: string }> }>().errors
    expect(errors.map((e) => e.pointer)).toEqual(['/facts/employees'])
  })

  it('gives a department its figures per policy', async () => {
    const officer = await signInStaff(t.app, 'tax.xu')
    const res = await t.app.http.inject({
      url: api('/departments/tax/statistics'),
      headers: bearer(officer),
    })
    expect(res.statusCode, res.body).toBe(200)
    const stats = res.json<{
      policies: Array<{ code: string; eligible: number; noticesSent: number }>
    }>()
    const tax = stats.policies.find((p) => p.code === 'small-low-profit-enterprise-tax')
    expect(tax?.eligible).toBeGreaterThanOrEqual(2)
    expect(tax?.noticesSent).toBeGreaterThanOrEqual(2)
  })
})
