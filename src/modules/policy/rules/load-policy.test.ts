import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { loadPolicyYaml } from './load-policy.js'
import type { PolicyIssue } from './policy-issues.js'
import { BASE_POLICY, lineOf } from './test-fixtures.js'

async function issuesOf(yaml: string): Promise<PolicyIssue[]> {
  const loaded = await loadPolicyYaml(yaml)
  return loaded.ok ? [] : loaded.issues
}

const withCondition = (expression: string): string =>
  BASE_POLICY.replace('expression: restricted = false', `expression: ${expression}`)

describe('loadPolicyYaml', () => {
  it('loads and compiles a valid policy', async () => {
    const loaded = await loadPolicyYaml(BASE_POLICY)
    expect(loaded.ok).toBe(true)
    if (!loaded.ok) return
    expect(loaded.document.versions).toHaveLength(2)
    expect(loaded.policy.versions[1]?.readsEvaluationDate).toBe(true)
  })

  it('reports YAML syntax errors with line and column', async () => {
    const yaml = BASE_POLICY.replace('department: tax', 'department: [tax')
    const [first] = await issuesOf(yaml)
    expect(first).toMatchObject({ path: '', code: 'POLICY_YAML_SYNTAX' })
    expect(first?.source?.line).toBeGreaterThanOrEqual(lineOf(yaml, 'department'))
  })

  it('reports a FEEL syntax error at its JSON pointer with the compiler position and the YAML line', async () => {
    const yaml = withCondition("'restricted = = false'")
    expect(await issuesOf(yaml)).toEqual([
      expect.objectContaining({
        path: '/versions/0/eligibility/2/expression',
        code: 'POLICY_FEEL_SYNTAX',
        feel: { line: 1, column: 14, snippet: 'restricted = = false\n             ^' },
        source: { line: lineOf(yaml, 'restricted = = false'), column: 21 },
      }),
    ])
  })

  it('reports the line and column inside a multi-line expression', async () => {
    const yaml = withCondition('|-\n          restricted = false\n            and (employees >')
    const [found] = await issuesOf(yaml)
    expect(found).toMatchObject({
      path: '/versions/0/eligibility/2/expression',
      code: 'POLICY_FEEL_SYNTAX',
      feel: { line: 2, column: 19, snippet: '  and (employees >\n                  ^' },
    })
  })

  it('rejects FEEL the compiler does not translate, with its position', async () => {
    const yaml = withCondition("'(function(x) x > 1)(employees)'")
    expect(await issuesOf(yaml)).toMatchObject([
      {
        path: '/versions/0/eligibility/2/expression',
        code: 'POLICY_FEEL_UNSUPPORTED',
        feel: { line: 1, column: 1 },
      },
    ])
  })

  it('rejects an expression that reads an undeclared fact, naming it and where', async () => {
    const yaml = withCondition("'restricted = false and turnover > 10'")
    expect(await issuesOf(yaml)).toMatchObject([
      {
        path: '/versions/0/eligibility/2/expression',
        code: 'POLICY_NAME_UNDECLARED',
        message: {
          en: "The expression reads 'turnover', which is not a declared fact or decision (1:24)",
        },
        feel: { line: 1, column: 24 },
      },
    ])
  })

  it('rejects a test case naming an unknown fact and a fact value of the wrong type', async () => {
    const yaml = BASE_POLICY.replace(
      'facts: { income: 1000000, employees: 10, restricted: false }',
      "facts: { income: '1000000', employees: 10, restricted: false, staff: 3 }",
    )
    expect((await issuesOf(yaml)).map((i) => [i.path, i.code, i.source?.line])).toEqual([
      ['/tests/0/facts/income', 'POLICY_TEST_FACT_TYPE', lineOf(yaml, "income: '1000000'")],
      ['/tests/0/facts/staff', 'POLICY_TEST_FACT_UNKNOWN', lineOf(yaml, "income: '1000000'")],
    ])
  })

  it('checks dates and lists in test cases against their declared types', async () => {
    const yaml = BASE_POLICY.replace(
      'facts: { income: 1000000, registeredOn: 2020-01-01 }',
      'facts: { income: 1000000, registeredOn: 2020-02-30, licences: [a, 1] }',
    )
    expect((await issuesOf(yaml)).map((i) => [i.path, i.code])).toEqual([
      ['/tests/1/facts/registeredOn', 'POLICY_TEST_FACT_TYPE'],
      ['/tests/1/facts/licences', 'POLICY_TEST_FACT_TYPE'],
    ])
  })

  it('reports missing and unknown fields at their pointers', async () => {
    const yaml = BASE_POLICY.replace('department: tax\n', 'departmant: tax\n')
    expect((await issuesOf(yaml)).map((i) => [i.path, i.code])).toEqual([
      ['/departmant', 'POLICY_FIELD_UNKNOWN'],
      ['/department', 'POLICY_FIELD_REQUIRED'],
    ])
  })

  it('rejects overlapping versions and versions outside the effective period', async () => {
    const overlapping = BASE_POLICY.replace('validFrom: 2023-01-01', 'validFrom: 2022-06-01')
    expect((await issuesOf(overlapping)).map((i) => [i.path, i.code])).toEqual([
      ['/versions/1/validFrom', 'POLICY_VERSION_OVERLAP'],
    ])
    const outside = BASE_POLICY.replace('validTo: 2025-12-31', 'validTo: 2026-12-31')
    expect((await issuesOf(outside)).map((i) => [i.path, i.code])).toEqual([
      ['/versions/1', 'POLICY_VERSION_OUTSIDE_EFFECTIVE'],
    ])
  })

  it('rejects duplicate fact names and condition ids', async () => {
    const yaml = BASE_POLICY.replace('id: employees', 'id: income').replace(
      'name: restricted,',
      'name: employees,',
    )
    expect((await issuesOf(yaml)).map((i) => [i.path, i.code])).toEqual([
      ['/facts/2/name', 'POLICY_NAME_DUPLICATE'],
      ['/versions/0/eligibility/1/id', 'POLICY_NAME_DUPLICATE'],
      ['/tests/0/facts/restricted', 'POLICY_TEST_FACT_UNKNOWN'],
    ])
  })

  it('reports a DMN file it cannot read at the reference', async () => {
    const yaml = BASE_POLICY.replace(
      '    eligibility:\n      - id: income\n        description: { zh: 所得不超过 300 万元',
      '    decisions:\n      - { name: size, dmn: { file: missing.dmn, decision: size } }\n    eligibility:\n      - id: income\n        description: { zh: 所得不超过 300 万元',
    )
    expect(await issuesOf(yaml)).toMatchObject([
      {
        path: '/versions/0/decisions/0/dmn/file',
        code: 'POLICY_DMN_NOT_FOUND',
        source: { line: lineOf(yaml, 'missing.dmn') },
      },
    ])
  })

  it('reads decisions from a DMN file and reports an unknown decision id', async () => {
    const dmn = await readFile(new URL('./fixtures/subsidy-rates.dmn', import.meta.url), 'utf8')
    const withDmn = (decision: string): string =>
      BASE_POLICY.replace(
        '    eligibility:\n      - id: income\n        description: { zh: 所得不超过 300 万元',
        `    decisions:\n      - { name: bonus, dmn: { file: rates.dmn, decision: ${decision} } }\n    eligibility:\n      - id: income\n        description: { zh: 所得不超过 300 万元`,
      ).replace(
        'expression: income * 0.1, unit: CNY',
        'expression: income * 0.1 + bonus, unit: CNY',
      )
    const unknown = await loadPolicyYaml(withDmn('nope'), { readFile: () => dmn })
    expect(unknown.ok ? [] : unknown.issues).toMatchObject([
      { path: '/versions/0/decisions/0/dmn/decision', code: 'POLICY_DMN_NOT_FOUND' },
    ])
    const undeclared = await loadPolicyYaml(withDmn('bonusTotal'), { readFile: () => dmn })
    expect(undeclared.ok ? [] : undeclared.issues).toMatchObject([
      {
        path: '/versions/0/decisions/0/table/inputs/0/expression',
        code: 'POLICY_NAME_UNDECLARED',
        source: { file: 'rates.dmn' },
      },
    ])
  })

  it('reports overlapping rules of a UNIQUE table with both rule indices', async () => {
    const yaml = BASE_POLICY.replace(
      '    eligibility:\n      - id: income\n        description: { zh: 所得不超过 300 万元',
      `    decisions:
      - name: band
        table:
          hitPolicy: UNIQUE
          inputs: [{ expression: employees }]
          outputs: [{ name: band }]
          rules:
            - { when: ['< 10'], then: ['"micro"'] }
            - { when: ['[10..100]'], then: ['"small"'] }
            - { when: ['[100..300]'], then: ['"medium"'] }
    eligibility:
      - id: income
        description: { zh: 所得不超过 300 万元`,
    )
    expect(await issuesOf(yaml)).toMatchObject([
      {
        path: '/versions/0/decisions/0/table/rules/2',
        related: ['/versions/0/decisions/0/table/rules/1'],
        code: 'POLICY_TABLE_OVERLAP',
        message: { en: "Rules 1 and 2 of UNIQUE table 'band' both match, e.g. employees = 100" },
        source: { line: lineOf(yaml, '[100..300]') },
      },
    ])
  })
})
