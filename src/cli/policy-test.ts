import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { isNode, LineCounter, parseDocument } from 'yaml'
import {
  checkPublishable,
  loadPolicyYaml,
  runPolicyTests,
  type LocalizedText,
  type PolicyIssue,
  type TestDifference,
} from '../modules/policy/index.js'

/** One test case as the report shows it. */
interface CaseReport {
  index: number
  name: string
  passed: boolean
  differences: TestDifference[]
}

/** What `tongban policy test FILE` found; `--json` prints this object. */
interface PolicyFileReport {
  file: string
  ok: boolean
  policy: { code: string; name: LocalizedText } | null
  /** Problems in the document itself; when there are any, no test case ran. */
  issues: PolicyIssue[]
  tests: { passed: number; failed: number; cases: CaseReport[] } | null
  /** What else stops the document from being published (e.g. a version no case exercises). */
  publishable: PolicyIssue[]
}

/** Loads a policy YAML (DMN files relative to it), runs its test cases and the publish checks. */
async function checkPolicyFile(file: string, text: string): Promise<PolicyFileReport> {
  const loaded = await loadPolicyYaml(text, {
    readFile: (name) => readFile(resolve(dirname(file), name), 'utf8'),
  })
  if (!loaded.ok) {
    const issues = loaded.issues.map((found) => locatedIn(file, found))
    return { file, ok: false, policy: null, issues, tests: null, publishable: [] }
  }
  const { document, policy } = loaded
  const report = runPolicyTests(policy)
  const cases = report.cases.map(({ index, name, passed, differences }) => ({
    index,
    name,
    passed,
    differences,
  }))
  // Failing cases are in `cases`; the rest is what publishing would also refuse.
  const publishable = checkPublishable(document)
    .filter((p) => p.code !== 'POLICY_TEST_FAILED')
    .map((found) => withYamlPosition(found, file, text))
  return {
    file,
    ok: report.failed === 0 && publishable.length === 0,
    policy: { code: document.code, name: document.name },
    issues: [],
    tests: { passed: report.passed, failed: report.failed, cases },
    publishable,
  }
}

/** Names the file of each located issue: the YAML itself, or a DMN file beside it. */
function locatedIn(file: string, found: PolicyIssue): PolicyIssue {
  if (!found.source) return found
  const where = found.source.file === undefined ? file : join(dirname(file), found.source.file)
  return { ...found, source: { ...found.source, file: where } }
}

/** Adds the YAML position of the node an issue points at (or of its nearest ancestor). */
function withYamlPosition(found: PolicyIssue, file: string, text: string): PolicyIssue {
  if (found.source) return found
  const lineCounter = new LineCounter()
  const yaml = parseDocument(text, { lineCounter, merge: true })
  const keys = found.path
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((token) => (/^\d+$/.test(token) ? Number(token) : token))
  for (let depth = keys.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? yaml.contents : yaml.getIn(keys.slice(0, depth), true)
    if (!isNode(node) || !node.range) continue
    const { line, col } = lineCounter.linePos(node.range[0])
    return { ...found, source: { file, line, column: col } }
  }
  return found
}

/** The report as text, Chinese first with English beside it. */
function formatPolicyReport(report: PolicyFileReport): string[] {
  const lines: string[] = []
  if (report.policy) {
    const { code, name } = report.policy
    lines.push(`政策 Policy ${code}：${name.zh} / ${name.en}（${report.file}）`)
  }
  if (report.issues.length > 0) {
    const n = report.issues.length
    lines.push(`政策文件 Policy file ${report.file}`)
    for (const found of report.issues) lines.push(...formatIssue(found))
    lines.push(
      `未通过 FAIL  ${n} 个文档问题，未运行测试用例 / ${n} document issue(s); test cases not run`,
    )
    return lines
  }
  for (const c of report.tests?.cases ?? []) lines.push(...formatCase(c))
  if (report.publishable.length > 0) {
    lines.push('不可发布 Not publishable:')
    for (const found of report.publishable) lines.push(...formatIssue(found))
  }
  lines.push(summaryLine(report))
  return lines
}

function formatCase(c: CaseReport): string[] {
  const mark = c.passed ? '✓ 通过 pass' : '✗ 失败 FAIL'
  const lines = [`  ${mark}  #${c.index} ${c.name}`]
  for (const d of c.differences) {
    const expected = JSON.stringify(d.expected)
    const actual = JSON.stringify(d.actual)
    lines.push(
      `      ${d.field}：期望 ${expected}，实际 ${actual} / expected ${expected}, got ${actual}`,
    )
  }
  return lines
}

function formatIssue(found: PolicyIssue): string[] {
  const lines = [`  ✗ ${found.path || '(文档 document)'}  ${found.code}`]
  const where: string[] = []
  const source = found.source
  if (source?.file !== undefined) {
    const position = source.line === undefined ? '' : `:${source.line}:${source.column ?? 1}`
    where.push(`${source.file}${position}`)
  }
  if (found.feel) where.push(`FEEL ${found.feel.line}:${found.feel.column}`)
  if (where.length > 0) lines.push(`      位置 at ${where.join('，')}`)
  lines.push(`      ${found.message.zh}`, `      ${found.message.en}`)
  if (found.feel) lines.push(...found.feel.snippet.split('\n').map((line) => `        ${line}`))
  if (found.related?.length) lines.push(`      相关 related: ${found.related.join(', ')}`)
  return lines
}

function summaryLine(report: PolicyFileReport): string {
  const passed = report.tests?.passed ?? 0
  const failed = report.tests?.failed ?? 0
  const total = passed + failed
  const problems = report.publishable.length
  const zh = `${total} 个用例：${passed} 个通过，${failed} 个失败${problems ? `；${problems} 个发布问题` : ''}`
  const en = `${total} cases: ${passed} passed, ${failed} failed${problems ? `; ${problems} publishing problem(s)` : ''}`
  return `${report.ok ? '通过 PASS' : '未通过 FAIL'}  ${zh} / ${en}`
}

/** `tongban policy test FILE [--json]`: 0 all passes, 1 issues or failing cases, 2 usage. */
export async function policyTestCommand(file: string | undefined, json: boolean): Promise<number> {
  if (!file) {
    console.error('用法 usage: tongban policy test FILE.yaml [--json]')
    return 2
  }
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error)
    console.error(`无法读取政策文件 ${file} / cannot read the policy file ${file}: ${reason}`)
    return 2
  }
  const report = await checkPolicyFile(file, text)
  console.log(json ? JSON.stringify(report, null, 2) : formatPolicyReport(report).join('\n'))
  return report.ok ? 0 : 1
}
