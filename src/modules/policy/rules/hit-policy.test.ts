import { describe, expect, it } from 'vitest'
import { evaluateDecisionTable } from './evaluate-table.js'
import { compileFromYaml, tableFromYaml } from './test-fixtures.js'
import type { PolicyIssue } from './policy-issues.js'

const rates = (hitPolicy: string, extra = ''): string => `
hitPolicy: ${hitPolicy}
${extra}
inputs: [{ expression: employees }]
outputs: [{ name: rate, values: '"high","medium","low"' }]
rules:
  - { when: ['>= 100'], then: ['"low"'] }
  - { when: ['>= 10'], then: ['"medium"'] }
  - { when: ['>= 50'], then: ['"high"'] }
  - { when: ['< 10'], then: ['"low"'] }
`

const amounts = (hitPolicy: string, aggregation?: string): string => `
hitPolicy: ${hitPolicy}
${aggregation === undefined ? '' : `aggregation: ${aggregation}`}
inputs: [{ expression: employees }]
outputs: [{ name: amount }]
rules:
  - { when: ['>= 1'], then: ['0.1'] }
  - { when: ['>= 2'], then: ['0.2'] }
  - { when: ['>= 100'], then: ['1000'] }
`

const evaluate = (yaml: string, context: Record<string, unknown>) =>
  evaluateDecisionTable(tableFromYaml(yaml, ['employees', 'industry']), context)

describe('single-hit policies', () => {
  it('UNIQUE returns the one matching rule, and null when none matches', () => {
    const yaml = `
hitPolicy: UNIQUE
inputs: [{ expression: employees }]
outputs: [{ name: size }]
rules:
  - { when: ['< 10'], then: ['"micro"'] }
  - { when: ['[10..100)'], then: ['"small"'] }
`
    expect(evaluate(yaml, { employees: 50 })).toEqual({
      status: 'decided',
      value: 'small',
      matched: [1],
    })
    expect(evaluate(yaml, { employees: 100 })).toEqual({
      status: 'decided',
      value: null,
      matched: [],
    })
  })

  it('UNIQUE reports a violation with both rule indices when two rules match at run time', () => {
    const yaml = `
hitPolicy: UNIQUE
inputs: [{ expression: employees }]
outputs: [{ name: size }]
rules:
  - { when: ['< industry'], then: ['"a"'] }
  - { when: ['> 5'], then: ['"b"'] }
`
    const result = evaluate(yaml, { employees: 8, industry: 10 })
    expect(result).toMatchObject({ status: 'error', rules: [0, 1], matched: [0, 1] })
  })

  it('FIRST returns the first matching rule in rule order', () => {
    expect(evaluate(rates('FIRST'), { employees: 120 })).toMatchObject({
      value: 'low',
      matched: [0, 1, 2],
    })
    expect(evaluate(rates('FIRST'), { employees: 60 })).toMatchObject({ value: 'medium' })
  })

  it('PRIORITY returns the output that comes first in the output values', () => {
    expect(evaluate(rates('PRIORITY'), { employees: 120 })).toMatchObject({
      status: 'decided',
      value: 'high',
    })
    expect(evaluate(rates('PRIORITY'), { employees: 20 })).toMatchObject({ value: 'medium' })
  })

  it('ANY accepts several matches with one output and rejects different outputs', () => {
    const yaml = `
hitPolicy: ANY
inputs: [{ expression: employees }, { expression: industry }]
outputs: [{ name: eligible }]
rules:
  - { when: ['<= 300', '-'], then: ['true'] }
  - { when: ['-', '"C"'], then: ['true'] }
  - { when: ['> 1000', '"C"'], then: ['false'] }
`
    expect(evaluate(yaml, { employees: 10, industry: 'C' })).toMatchObject({
      status: 'decided',
      value: true,
      matched: [0, 1],
    })
    expect(evaluate(yaml, { employees: 2000, industry: 'C' })).toMatchObject({
      status: 'error',
      rules: [1, 2],
    })
  })
})

describe('multiple-hit policies', () => {
  it('COLLECT without aggregation lists the outputs of every matching rule', () => {
    expect(evaluate(amounts('COLLECT'), { employees: 5 })).toEqual({
      status: 'decided',
      value: [0.1, 0.2],
      matched: [0, 1],
    })
    expect(evaluate(amounts('COLLECT'), { employees: 0 })).toMatchObject({ value: [] })
  })

  it('COLLECT SUM adds exactly (0.1 + 0.2 = 0.3), MIN, MAX and COUNT aggregate', () => {
    expect(evaluate(amounts('COLLECT', 'SUM'), { employees: 5 })).toMatchObject({ value: 0.3 })
    expect(evaluate(amounts('COLLECT', 'SUM'), { employees: 100 })).toMatchObject({ value: 1000.3 })
    expect(evaluate(amounts('COLLECT', 'MIN'), { employees: 100 })).toMatchObject({ value: 0.1 })
    expect(evaluate(amounts('COLLECT', 'MAX'), { employees: 100 })).toMatchObject({ value: 1000 })
    expect(evaluate(amounts('COLLECT', 'COUNT'), { employees: 100 })).toMatchObject({ value: 3 })
  })

  it('COLLECT aggregations give null (COUNT 0) when no rule matches', () => {
    expect(evaluate(amounts('COLLECT', 'SUM'), { employees: 0 })).toMatchObject({ value: null })
    expect(evaluate(amounts('COLLECT', 'COUNT'), { employees: 0 })).toMatchObject({ value: 0 })
  })

  it('RULE ORDER lists outputs in rule order, OUTPUT ORDER by the output values', () => {
    expect(evaluate(rates('RULE ORDER'), { employees: 120 })).toMatchObject({
      value: ['low', 'medium', 'high'],
    })
    expect(evaluate(rates('OUTPUT ORDER'), { employees: 120 })).toMatchObject({
      value: ['high', 'medium', 'low'],
    })
  })

  it('gives a context per rule when the table has several outputs', () => {
    const yaml = `
hitPolicy: RULE ORDER
inputs: [{ expression: employees }]
outputs: [{ name: code }, { name: rate }]
rules:
  - { when: ['> 0'], then: ['"A"', '0.5'] }
  - { when: ['> 5'], then: ['"B"', ''] }
`
    expect(evaluate(yaml, { employees: 9 })).toMatchObject({
      value: [
        { code: 'A', rate: 0.5 },
        { code: 'B', rate: null },
      ],
    })
  })
})

describe('missing inputs', () => {
  const yaml = `
hitPolicy: FIRST
inputs: [{ expression: industry }, { expression: employees }]
outputs: [{ name: size }]
rules:
  - { when: ['"C"', '>= 300'], then: ['"medium"'] }
  - { when: ['"C"', '-'], then: ['"small"'] }
  - { when: ['-', '-'], then: ['"other"'] }
`

  it('makes a rule undecided rather than unmatched, and names the facts needed', () => {
    expect(evaluate(yaml, { industry: 'C' })).toEqual({
      status: 'unknown',
      need: ['employees'],
      matched: [1, 2],
    })
  })

  it('still decides when an earlier rule fails on a known input (FIRST)', () => {
    expect(evaluate(yaml, { industry: 'F' })).toEqual({
      status: 'decided',
      value: 'other',
      matched: [2],
    })
  })

  it('decides a UNIQUE table once one rule matches', () => {
    const unique = `
hitPolicy: UNIQUE
inputs: [{ expression: industry }, { expression: employees }]
outputs: [{ name: size }]
rules:
  - { when: ['"C"', '-'], then: ['"industrial"'] }
  - { when: ['"F"', '< 10'], then: ['"micro retail"'] }
`
    expect(evaluate(unique, { industry: 'C' })).toMatchObject({
      status: 'decided',
      value: 'industrial',
    })
    expect(evaluate(unique, {})).toMatchObject({
      status: 'unknown',
      need: ['industry', 'employees'],
    })
  })

  it('leaves COLLECT undecided while any rule is', () => {
    expect(evaluate(amounts('COLLECT', 'SUM'), {})).toMatchObject({
      status: 'unknown',
      need: ['employees'],
    })
  })
})

describe('table shape', () => {
  it('reports rules with the wrong number of entries and misplaced aggregations', () => {
    const issues: PolicyIssue[] = []
    const yaml = `
hitPolicy: FIRST
aggregation: SUM
inputs: [{ expression: employees }]
outputs: [{ name: size }]
rules:
  - { when: ['> 1', '> 2'], then: ['"a"'] }
`
    expect(compileFromYaml(yaml, ['employees'], issues)).toBeNull()
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['/aggregation', 'POLICY_TABLE_SHAPE'],
      ['/rules/0/when', 'POLICY_TABLE_SHAPE'],
    ])
  })

  it('requires output values for PRIORITY', () => {
    const issues: PolicyIssue[] = []
    compileFromYaml(amounts('PRIORITY'), ['employees'], issues)
    expect(issues.map((i) => [i.path, i.code])).toEqual([['/outputs/0', 'POLICY_TABLE_SHAPE']])
  })

  it('locates a FEEL error in an input entry by rule and column', () => {
    const issues: PolicyIssue[] = []
    const yaml = `
hitPolicy: UNIQUE
inputs: [{ expression: employees }]
outputs: [{ name: size }]
rules:
  - { when: ['>= 1'], then: ['"a"'] }
  - { when: ['[1..'], then: ['"b"'] }
`
    compileFromYaml(yaml, ['employees'], issues)
    expect(issues).toMatchObject([
      { path: '/rules/1/when/0', code: 'POLICY_FEEL_SYNTAX', feel: { line: 1, column: 5 } },
    ])
  })
})
