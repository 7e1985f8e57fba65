import { describe, expect, it } from 'vitest'
import { loadPolicyYaml } from './load-policy.js'
import { checkPublishable, runPolicyTests } from './policy-tests.js'
import { BASE_POLICY } from './test-fixtures.js'

async function load(yaml: string) {
  const loaded = await loadPolicyYaml(yaml)
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues))
  return loaded
}

const failing = BASE_POLICY.replace(
  'expect: { status: eligible, amount: 100000 }',
  'expect: { status: eligible, amount: 100000.01, need: [employees] }',
)

describe('runPolicyTests', () => {
  it('passes the cases a correct policy meets', async () => {
    const report = runPolicyTests((await load(BASE_POLICY)).policy)
    expect(report).toMatchObject({ passed: 2, failed: 0 })
  })

  it('names each compared field that differs, with the expected and actual values', async () => {
    const report = runPolicyTests((await load(failing)).policy)
    expect(report).toMatchObject({ passed: 1, failed: 1 })
    expect(report.cases[0]).toMatchObject({
      index: 0,
      name: 'eligible in 2021',
      passed: false,
      differences: [
        { field: 'amount', expected: '100000.01', actual: '100000.00' },
        { field: 'need', expected: ['employees'], actual: [] },
      ],
    })
  })

  it('compares amounts as decimals and outcomes as values', async () => {
    const yaml = BASE_POLICY.replace(
      'amount: { expression: income * 0.1, unit: CNY }',
      'amount: { expression: income * 0.1, unit: CNY }\n    outcome: \'"small"\'',
    ).replace(
      'expect: { status: eligible, amount: 100000 }',
      "expect: { status: eligible, amount: '100000.000', outcome: small }",
    )
    expect(runPolicyTests((await load(yaml)).policy).failed).toBe(0)
  })
})

describe('checkPublishable', () => {
  it('accepts a policy whose cases pass and cover every version', async () => {
    expect(checkPublishable((await load(BASE_POLICY)).document)).toEqual([])
  })

  it('refuses a policy with a failing case, at the case', async () => {
    const issues = checkPublishable((await load(failing)).document)
    expect(issues.map((i) => [i.path, i.code])).toEqual([['/tests/0', 'POLICY_TEST_FAILED']])
    expect(issues[0]?.message.en).toContain('amount expected "100000.01", got "100000.00"')
  })

  it('refuses a policy without cases, or with a version no case exercises', async () => {
    const untested = BASE_POLICY.replace('    on: 2024-06-30\n', '    on: 2021-06-30\n').replace(
      'facts: { income: 1000000, registeredOn: 2020-01-01 }\n    expect: { status: eligible, amount: 50000 }',
      'facts: { income: 1000000, employees: 1, restricted: false }\n    expect: { status: eligible }',
    )
    expect(checkPublishable((await load(untested)).document).map((i) => [i.path, i.code])).toEqual([
      ['/versions/1', 'POLICY_TESTS_MISSING'],
    ])
    const none = BASE_POLICY.slice(0, BASE_POLICY.indexOf('tests:'))
    expect(checkPublishable((await load(none)).document).map((i) => [i.path, i.code])).toEqual([
      ['/tests', 'POLICY_TESTS_MISSING'],
    ])
  })
})
