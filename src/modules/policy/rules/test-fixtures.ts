import { parse } from 'yaml'
import { compileDecisionTable } from './compile-table.js'
import type { CompiledDecisionTable } from './compile-table.js'
import type { NameScope } from './feel-compile.js'
import type { PolicyIssue } from './policy-issues.js'
import { Reader } from './read-helpers.js'
import { readInlineTable } from './read-table.js'

/** A small valid policy; tests replace parts of it to provoke one problem at a time. */
export const BASE_POLICY = `
code: test-policy
name: { zh: 测试政策, en: Test policy }
department: tax
documentNumber: 测试〔2024〕1号
effective: { from: 2020-01-01, to: 2025-12-31 }
facts:
  - { name: income, type: number, unit: CNY, label: { zh: 所得, en: Income } }
  - { name: employees, type: number, unit: 人, label: { zh: 人数, en: Employees } }
  - { name: restricted, type: boolean, label: { zh: 限制行业, en: Restricted } }
  - { name: registeredOn, type: date, label: { zh: 成立日期, en: Registered on } }
  - { name: licences, type: list-of-string, label: { zh: 许可, en: Licences } }
versions:
  - validFrom: 2020-01-01
    validTo: 2022-12-31
    eligibility:
      - id: income
        description: { zh: 所得不超过 300 万元, en: Income at most 3 million }
        expression: income <= 3000000
      - id: employees
        description: { zh: 人数不超过 300 人, en: At most 300 employees }
        expression: employees <= 300
      - id: not-restricted
        description: { zh: 非限制行业, en: Not restricted }
        expression: restricted = false
    amount: { expression: income * 0.1, unit: CNY }
  - validFrom: 2023-01-01
    validTo: 2025-12-31
    eligibility:
      - id: income
        description: { zh: 所得不超过 500 万元, en: Income at most 5 million }
        expression: income <= 5000000
      - id: one-year-old
        description: { zh: 成立满一年, en: Registered a year ago }
        expression: registeredOn <= evaluationDate - @"P1Y"
    amount: { expression: income * 0.05, unit: CNY }
tests:
  - name: eligible in 2021
    on: 2021-06-30
    facts: { income: 1000000, employees: 10, restricted: false }
    expect: { status: eligible, amount: 100000 }
  - name: eligible in 2024
    on: 2024-06-30
    facts: { income: 1000000, registeredOn: 2020-01-01 }
    expect: { status: eligible, amount: 50000 }
`

/** The 1-based line of the first line of `source` containing `text`. */
export function lineOf(source: string, text: string): number {
  return source.split('\n').findIndex((line) => line.includes(text)) + 1
}

/** Compiles an inline table written in YAML, reading the given facts; throws on issues. */
export function tableFromYaml(yaml: string, facts: readonly string[]): CompiledDecisionTable {
  const issues: PolicyIssue[] = []
  const table = compileFromYaml(yaml, facts, issues)
  if (table === null) throw new Error(JSON.stringify(issues, null, 1))
  return table
}

/** As tableFromYaml, returning the issues instead of throwing. */
export function compileFromYaml(
  yaml: string,
  facts: readonly string[],
  issues: PolicyIssue[],
): CompiledDecisionTable | null {
  const reader = new Reader()
  const table = readInlineTable(reader, parse(yaml) as unknown, '')
  issues.push(...reader.issues)
  if (table === null) return null
  const scope: NameScope = { facts: new Set(facts), decisions: new Set(), builtins: new Set() }
  return compileDecisionTable(table, '', scope, issues)
}
