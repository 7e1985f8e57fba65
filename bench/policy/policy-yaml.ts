import { stringify } from 'yaml'
import type { FactDeclaration } from '../../src/modules/policy/index.js'
import type { Enterprise } from './enterprises.js'
import { generateEnterprises } from './enterprises.js'
import { handWritten } from './policies.js'
import type { Policy } from './policies.js'

type FactName = Exclude<keyof Enterprise, 'id'>

/** Every fact a generated condition may read, declared as a policy document declares it. */
export const FACTS: Readonly<Record<FactName, Omit<FactDeclaration, 'name'>>> = {
  industry: { type: 'string', label: { zh: '行业门类', en: 'Industry section (GB/T 4754)' } },
  region: { type: 'string', label: { zh: '注册地区划', en: 'Division of registration' } },
  employees: { type: 'number', unit: '人', label: { zh: '从业人数', en: 'Employees' } },
  revenue: { type: 'number', unit: 'CNY', label: { zh: '营业收入', en: 'Revenue' } },
  totalAssets: { type: 'number', unit: 'CNY', label: { zh: '资产总额', en: 'Total assets' } },
  taxableIncome: {
    type: 'number',
    unit: 'CNY',
    label: { zh: '应纳税所得额', en: 'Taxable income' },
  },
  rdSpending: { type: 'number', unit: 'CNY', label: { zh: '研发费用', en: 'R&D spending' } },
  registered: { type: 'date', label: { zh: '成立日期', en: 'Date of establishment' } },
  certifications: {
    type: 'list-of-string',
    label: { zh: '资质认定', en: 'Certifications' },
  },
  newHires: { type: 'number', unit: '人', label: { zh: '新招用人数', en: 'New hires' } },
  rentPaid: { type: 'number', unit: 'CNY', label: { zh: '已付房租', en: 'Rent paid' } },
}

const FACT_NAMES = Object.keys(FACTS) as FactName[]

/** The departments the generated policies are spread over (demo department codes). */
export const POLICY_DEPARTMENTS = ['tax', 'hrss', 'science_technology', 'market'] as const

/** The date test cases are evaluated on: inside the one version every policy has. */
const TEST_DATE = '2025-06-30'
/** Test cases come from enterprises of their own: policies do not vary with BENCH_ENTERPRISES. */
const TEST_ENTERPRISES = generateEnterprises(5_000, 1)

export const policyCode = (policy: Policy): string => `bench-${policy.id.toLowerCase()}`

/** The facts a policy's conditions read, in declaration order. */
export function factsRead(policy: Policy): FactName[] {
  return FACT_NAMES.filter((name) =>
    policy.conditions.some((c) => new RegExp(`\\b${name}\\b`).test(c.feel)),
  )
}

/** An enterprise's values of the given facts, as a data officer imports them. */
export function factValuesOf(e: Enterprise, names: readonly FactName[]): Record<string, unknown> {
  return Object.fromEntries(names.map((name) => [name, e[name]]))
}

/**
 * The generated policy as a policy document: the facts it reads declared with their types and
 * units, one open-ended version whose conditions are the FEEL strings the pairs figure compiles,
 * and test cases (one eligible enterprise when there is one, one not eligible) whose expected
 * status is the hand-written evaluator's. Enterprises with no revenue are left out of the cases:
 * there `rdSpending / revenue` is null, which the module reports as possibly eligible (an error
 * is never false) while the hand-written form says not eligible.
 */
export function policyYaml(policy: Policy, index: number): string {
  const read = factsRead(policy)
  const document = {
    code: policyCode(policy),
    name: { zh: policy.name, en: `Generated policy ${policy.id}` },
    department: POLICY_DEPARTMENTS[index % POLICY_DEPARTMENTS.length],
    documentNumber: `示基准〔2025〕${index + 1}号`,
    effective: { from: '2020-01-01' },
    exemptApplication: false,
    facts: read.map((name) => ({ name, ...FACTS[name] })),
    versions: [
      {
        validFrom: '2020-01-01',
        eligibility: policy.conditions.map((c) => ({
          id: c.template,
          description: { zh: c.template, en: c.template },
          expression: c.feel,
        })),
      },
    ],
    tests: testCases(policy, read),
  }
  return stringify(document, { lineWidth: 0 })
}

function testCases(policy: Policy, read: readonly FactName[]) {
  const eligible = handWritten(policy)
  const candidates = TEST_ENTERPRISES.filter((e) => e.revenue > 0)
  const yes = candidates.find(eligible)
  const no = candidates.find((e) => !eligible(e))
  const cases = []
  for (const [e, status] of [
    [yes, 'eligible'],
    [no, 'not_eligible'],
  ] as const) {
    if (e === undefined) continue
    cases.push({
      name: `${e.id} ${status}`,
      on: TEST_DATE,
      facts: factValuesOf(e, read),
      expect: { status },
    })
  }
  return cases
}
