import { sameAmount } from './amount.js'
import { compilePolicy } from './compile-policy.js'
import type { CompiledPolicy } from './compile-policy.js'
import { evaluatePolicy } from './evaluate-policy.js'
import type { PolicyEvaluation } from './evaluate-policy.js'
import { at, issue } from './policy-issues.js'
import type { PolicyIssue } from './policy-issues.js'
import type { PolicyDocument, PolicyTestCase } from './policy.types.js'

/** One compared field that differs: what the case expects and what the policy gave. */
export type TestDifference = {
  field: 'status' | 'amount' | 'outcome' | 'need'
  expected: unknown
  actual: unknown
}

export type PolicyTestResult = {
  index: number
  name: string
  passed: boolean
  differences: TestDifference[]
  evaluation: PolicyEvaluation
}

export type PolicyTestReport = { passed: number; failed: number; cases: PolicyTestResult[] }

/** Runs the document's test cases: facts in, expected status / amount / outcome / need out. */
export function runPolicyTests(policy: CompiledPolicy): PolicyTestReport {
  const cases = policy.document.tests.map((testCase, index) => runCase(policy, testCase, index))
  const passed = cases.filter((c) => c.passed).length
  return { passed, failed: cases.length - passed, cases }
}

function runCase(
  policy: CompiledPolicy,
  testCase: PolicyTestCase,
  index: number,
): PolicyTestResult {
  const evaluation = evaluatePolicy(policy, testCase.facts, { on: testCase.on })
  const { expect } = testCase
  const differences: TestDifference[] = []
  if (evaluation.status !== expect.status)
    differences.push({ field: 'status', expected: expect.status, actual: evaluation.status })
  if (
    expect.amount !== undefined &&
    !amountsMatch(expect.amount, evaluation.amount?.value ?? null)
  ) {
    differences.push({
      field: 'amount',
      expected: expect.amount,
      actual: evaluation.amount?.value ?? null,
    })
  }
  if (
    'outcome' in expect &&
    JSON.stringify(expect.outcome ?? null) !== JSON.stringify(evaluation.outcome)
  ) {
    differences.push({
      field: 'outcome',
      expected: expect.outcome ?? null,
      actual: evaluation.outcome,
    })
  }
  if (
    expect.need !== undefined &&
    [...expect.need].sort().join() !== [...evaluation.need].sort().join()
  ) {
    differences.push({ field: 'need', expected: expect.need, actual: evaluation.need })
  }
  return { index, name: testCase.name, passed: differences.length === 0, differences, evaluation }
}

function amountsMatch(expected: string | null, actual: string | null): boolean {
  if (expected === null || actual === null) return expected === actual
  return sameAmount(expected, actual)
}

/**
 * What stops a document from being published: compile issues, no test cases, a version no
 * case exercises, and every failing case (at /tests/<i>, naming each difference). Empty = publishable.
 */
export function checkPublishable(document: PolicyDocument): PolicyIssue[] {
  const compiled = compilePolicy(document)
  if (!compiled.ok) return compiled.issues
  const { policy } = compiled
  if (document.tests.length === 0) {
    return [
      issue(
        '/tests',
        'POLICY_TESTS_MISSING',
        '发布前须至少有一个测试用例',
        'A policy needs at least one test case before it is published',
      ),
    ]
  }
  const issues: PolicyIssue[] = []
  const report = runPolicyTests(policy)
  policy.versions.forEach((version) => {
    if (report.cases.some((c) => c.evaluation.version?.index === version.index)) return
    issues.push(
      issue(
        at('/versions', version.index),
        'POLICY_TESTS_MISSING',
        `没有测试用例覆盖版本 ${version.index}（${version.version.validFrom} 起）`,
        `No test case exercises version ${version.index} (from ${version.version.validFrom})`,
      ),
    )
  })
  for (const result of report.cases.filter((c) => !c.passed)) {
    const zh = result.differences
      .map((d) => `${d.field} 期望 ${JSON.stringify(d.expected)}，实际 ${JSON.stringify(d.actual)}`)
      .join('；')
    const en = result.differences
      .map(
        (d) => `${d.field} expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`,
      )
      .join('; ')
    issues.push(
      issue(
        at('/tests', result.index),
        'POLICY_TEST_FAILED',
        `测试用例“${result.name}”未通过：${zh}`,
        `Test case '${result.name}' fails: ${en}`,
      ),
    )
  }
  return issues
}
