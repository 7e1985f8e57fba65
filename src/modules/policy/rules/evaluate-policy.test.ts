import { beforeAll, describe, expect, it } from 'vitest'
import type { CompiledPolicy } from './compile-policy.js'
import { evaluatePolicy } from './evaluate-policy.js'
import { isEligible } from './is-eligible.js'
import { loadPolicyYaml } from './load-policy.js'
import { prepareFacts } from './policy-context.js'
import { BASE_POLICY } from './test-fixtures.js'

let policy: CompiledPolicy

async function load(yaml: string): Promise<CompiledPolicy> {
  const loaded = await loadPolicyYaml(yaml)
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues))
  return loaded.policy
}

beforeAll(async () => {
  policy = await load(BASE_POLICY)
})

const SMALL = { income: 1000000, employees: 10, restricted: false, registeredOn: '2020-01-01' }

describe('version selection', () => {
  it('picks the version in force on the date, both ends inclusive', () => {
    expect(evaluatePolicy(policy, SMALL, { on: '2022-12-31' }).version).toEqual({
      index: 0,
      validFrom: '2020-01-01',
      validTo: '2022-12-31',
      documentNumber: '测试〔2024〕1号',
    })
    expect(evaluatePolicy(policy, SMALL, { on: '2023-01-01' }).version?.index).toBe(1)
  })

  it('applies a tax year’s rules as of 31 December', () => {
    const result = evaluatePolicy(policy, { ...SMALL, income: 4000000 }, { taxYear: 2022 })
    expect(result).toMatchObject({
      on: '2022-12-31',
      status: 'not_eligible',
      version: { index: 0 },
    })
    expect(evaluatePolicy(policy, { ...SMALL, income: 4000000 }, { taxYear: 2023 }).status).toBe(
      'eligible',
    )
  })

  it('reports a date that is not one', () => {
    expect(evaluatePolicy(policy, SMALL, { on: '2021-02-30' })).toMatchObject({
      status: 'not_eligible',
      inForce: false,
      errors: [{ path: '/on' }],
    })
  })

  it('is not eligible outside every version, without evaluating anything', () => {
    expect(evaluatePolicy(policy, SMALL, { on: '2019-12-31' })).toMatchObject({
      status: 'not_eligible',
      inForce: false,
      version: null,
      conditions: [],
    })
  })
})

describe('explanation', () => {
  it('gives each condition’s id, description, status and the fact values it read', () => {
    const result = evaluatePolicy(policy, { ...SMALL, employees: 350 }, { on: '2021-06-30' })
    expect(result.status).toBe('not_eligible')
    expect(result.conditions).toEqual([
      {
        id: 'income',
        description: { zh: '所得不超过 300 万元', en: 'Income at most 3 million' },
        expression: 'income <= 3000000',
        status: 'passed',
        facts: { income: 1000000 },
        decisions: {},
        need: [],
      },
      expect.objectContaining({ id: 'employees', status: 'failed', facts: { employees: 350 } }),
      expect.objectContaining({
        id: 'not-restricted',
        status: 'passed',
        facts: { restricted: false },
      }),
    ])
    expect(result.amount).toBeNull()
  })

  it('shows date facts as written and compares them as dates', () => {
    const result = evaluatePolicy(
      policy,
      { ...SMALL, registeredOn: '2023-07-01' },
      { on: '2024-06-30' },
    )
    expect(result.conditions[1]).toMatchObject({
      id: 'one-year-old',
      status: 'failed',
      facts: { registeredOn: '2023-07-01' },
    })
  })

  it('reports a fact of the wrong type and treats it as missing', () => {
    const result = evaluatePolicy(policy, { ...SMALL, employees: '10' }, { on: '2021-06-30' })
    expect(result).toMatchObject({ status: 'possibly_eligible', need: ['employees'] })
    expect(result.errors).toMatchObject([{ path: '/facts/employees' }])
  })
})

describe('missing facts', () => {
  it('make the result possibly eligible and are listed in need, never taken as false', () => {
    const result = evaluatePolicy(policy, { income: 1000000 }, { on: '2021-06-30' })
    expect(result.status).toBe('possibly_eligible')
    expect(result.need).toEqual(['employees', 'restricted'])
    expect(result.conditions.map((c) => [c.id, c.status, c.need])).toEqual([
      ['income', 'passed', []],
      ['employees', 'unknown', ['employees']],
      ['not-restricted', 'unknown', ['restricted']],
    ])
  })

  it('do not matter once another condition failed', () => {
    const result = evaluatePolicy(policy, { income: 9000000 }, { on: '2021-06-30' })
    expect(result).toMatchObject({ status: 'not_eligible', need: [] })
  })

  it('count as missing when null', () => {
    expect(
      evaluatePolicy(policy, { ...SMALL, restricted: null }, { on: '2021-06-30' }).need,
    ).toEqual(['restricted'])
  })
})

describe('amounts', () => {
  it('are exact decimals rounded half-up to the amount’s scale', async () => {
    const exact = await load(
      BASE_POLICY.replace(
        'expression: income * 0.1, unit: CNY',
        'expression: income * 0.1 + 0.2, unit: CNY',
      ),
    )
    expect(evaluatePolicy(exact, { ...SMALL, income: 1 }, { on: '2021-06-30' }).amount).toEqual({
      value: '0.30',
      unit: 'CNY',
    })
    expect(
      evaluatePolicy(exact, { ...SMALL, income: 1.05 }, { on: '2021-06-30' }).amount?.value,
    ).toBe('0.31')
    expect(
      evaluatePolicy(policy, { ...SMALL, income: 1234567.89 }, { on: '2021-06-30' }).amount?.value,
    ).toBe('123456.79')
  })

  it('honour a declared scale', async () => {
    const yuan = await load(
      BASE_POLICY.replace(
        'expression: income * 0.1, unit: CNY',
        'expression: income * 0.1, unit: CNY, scale: 0',
      ),
    )
    expect(evaluatePolicy(yuan, { ...SMALL, income: 15 }, { on: '2021-06-30' }).amount?.value).toBe(
      '2',
    )
  })

  it('are estimated while possibly eligible, and their missing facts are needed', () => {
    expect(evaluatePolicy(policy, { income: 1000 }, { on: '2021-06-30' }).amount?.value).toBe(
      '100.00',
    )
    expect(
      evaluatePolicy(policy, { employees: 3, restricted: false }, { on: '2021-06-30' }),
    ).toMatchObject({
      amount: null,
      need: ['income'],
    })
  })
})

describe('isEligible', () => {
  it('agrees with evaluatePolicy on mixed facts, including missing ones', () => {
    const dates = ['2019-06-01', '2021-06-30', '2024-06-30']
    for (let i = 0; i < 300; i++) {
      const facts: Record<string, unknown> = {
        income: i % 7 === 0 ? undefined : (i * 37_171) % 6_000_000,
        employees: i % 5 === 0 ? null : (i * 13) % 400,
        restricted: i % 11 === 0 ? undefined : i % 4 === 0,
        registeredOn: i % 3 === 0 ? undefined : `20${10 + (i % 15)}-0${1 + (i % 9)}-15`,
      }
      const on = dates[i % 3] ?? '2021-06-30'
      expect(isEligible(policy, facts, on)).toBe(evaluatePolicy(policy, facts, { on }).status)
    }
  })
})

describe('prepareFacts', () => {
  it('gives facts isEligible reads without copying, with the same verdicts', () => {
    const declarations = policy.document.facts
    for (const on of ['2021-06-30', '2024-06-30']) {
      for (const registeredOn of ['2020-01-01', '2024-01-01']) {
        const facts = { ...SMALL, registeredOn }
        const prepared = prepareFacts(facts, declarations, on)
        expect(prepared.registeredOn).not.toBe(registeredOn)
        expect(isEligible(policy, prepared, on)).toBe(isEligible(policy, facts, on))
      }
    }
  })
})
