import { beforeAll, describe, expect, it } from 'vitest'
import { checkPublishable } from '../rules/policy-tests.js'
import { runPolicyTests } from '../rules/policy-tests.js'
import { evaluatePolicy } from '../rules/evaluate-policy.js'
import { DEMO_POLICY_FILES, loadDemoPolicies } from './index.js'
import type { DemoPolicy } from './index.js'

let demos: DemoPolicy[]

beforeAll(async () => {
  demos = await loadDemoPolicies()
})

const demo = (code: string): DemoPolicy => {
  const found = demos.find((d) => d.document.code === code)
  if (found === undefined) throw new Error(`no demo policy ${code}`)
  return found
}

describe('demo policies', () => {
  it('all load and compile', () => {
    expect(demos.map((d) => d.file)).toEqual([...DEMO_POLICY_FILES])
  })

  it.each(DEMO_POLICY_FILES)('%s passes its own test cases and is publishable', (file) => {
    const { policy, document } = demos.find((d) => d.file === file)!
    const report = runPolicyTests(policy)
    expect(report.cases.filter((c) => !c.passed).map((c) => [c.name, c.differences])).toEqual([])
    expect(checkPublishable(document)).toEqual([])
  })

  it.each(DEMO_POLICY_FILES)(
    '%s has eligible, not eligible and possibly eligible cases',
    (file) => {
      const { document } = demos.find((d) => d.file === file)!
      const statuses = new Set(document.tests.map((t) => t.expect.status))
      expect([...statuses].sort()).toEqual(['eligible', 'not_eligible', 'possibly_eligible'])
    },
  )

  it('cite their document numbers', () => {
    expect(demos.map((d) => d.document.documentNumber)).toEqual([
      '财政部 税务总局公告2023年第12号',
      '工信部联企业〔2011〕300号',
      '国科发火〔2016〕32号',
      '示人社规〔2023〕2号',
      '示科发〔2024〕7号',
    ])
  })

  it('mark the rent subsidy as granted without application (免申即享)', () => {
    expect(demos.filter((d) => d.document.exemptApplication).map((d) => d.document.code)).toEqual([
      'demo-city-incubator-rent-subsidy',
    ])
  })

  it('keep the DMN source of the SME classification beside its YAML', () => {
    expect(Object.keys(demo('sme-classification').dmn)).toEqual(['sme-size.dmn'])
  })
})

describe('小型微利企业所得税优惠', () => {
  const facts = {
    annualTaxableIncome: 2000000,
    employees: 120,
    totalAssets: 30000000,
    restrictedIndustry: false,
  }

  it('applies each year’s effective rate to the relief', () => {
    const { policy } = demo('small-low-profit-enterprise-tax')
    const relief = [2019, 2020, 2021, 2022, 2023, 2027].map(
      (taxYear) => evaluatePolicy(policy, facts, { taxYear }).amount?.value,
    )
    expect(relief).toEqual([
      '350000.00',
      '350000.00',
      '375000.00',
      '425000.00',
      '400000.00',
      '400000.00',
    ])
  })

  it('names the document of the version applied', () => {
    const { policy } = demo('small-low-profit-enterprise-tax')
    expect(evaluatePolicy(policy, facts, { taxYear: 2021 }).version?.documentNumber).toBe(
      '财政部 税务总局公告2021年第12号',
    )
  })
})

describe('中小企业划型', () => {
  it('explains the classification through its decisions', () => {
    const { policy } = demo('sme-classification')
    const result = evaluatePolicy(
      policy,
      { industryCode: '5211', employees: 60, operatingRevenue: 8_000_000 },
      { on: '2024-06-30' },
    )
    expect(result.decisions).toEqual([
      { name: 'sector', status: 'decided', value: '零售业', matchedRules: [4], need: [] },
      expect.objectContaining({ name: 'enterpriseSize', status: 'decided', value: '中型' }),
    ])
    expect(result.conditions[1]).toMatchObject({
      id: 'small-or-medium',
      status: 'passed',
      decisions: { enterpriseSize: '中型' },
    })
  })
})
