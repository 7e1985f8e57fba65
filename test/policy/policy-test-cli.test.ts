import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCliInProcess } from '../support/cli-in-process.js'
import { REPO_ROOT, runCli } from '../support/process.js'

const DEMO = join(REPO_ROOT, 'src/modules/policy/demo')
const dir = mkdtempSync(join(tmpdir(), 'tongban-policy-test-cli-'))
// No database is reachable here: `policy test` must not need one.
const env = { TONGBAN_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }
// The first case runs the real binary; the rest run the same command line in this process.
const policyTestBinary = (...args: string[]) => runCli(['policy', 'test', ...args], env)
const policyTest = (...args: string[]) => runCliInProcess(['policy', 'test', ...args], env)

/** A copy of a demo policy in the temp directory, with one text replaced. */
function demoCopy(file: string, name: string, from: string, to: string): string {
  const text = readFileSync(join(DEMO, file), 'utf8')
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`)
  const path = join(dir, name)
  writeFileSync(path, text.replace(from, to))
  return path
}

const lineOf = (path: string, text: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(text)) + 1

describe('tongban policy test', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('passes a demo policy, reading its DMN file beside the YAML', async () => {
    const result = await policyTestBinary('src/modules/policy/demo/sme-classification.yaml')
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('✓ 通过 pass  #0 ')
    expect(result.stdout).not.toContain('✗')
    expect(result.stdout).toMatch(/通过 PASS .*12 cases: 12 passed, 0 failed/)
  }, 60_000)

  it('names the pointer, file line and column and FEEL position of a syntax error', async () => {
    const file = demoCopy(
      'small-low-profit-enterprise-tax.yaml',
      'feel-error.yaml',
      'expression: employees <= 300',
      'expression: employees <= = 300',
    )
    const result = await policyTest(file)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('/versions/0/eligibility/1/expression  POLICY_FEEL_SYNTAX')
    expect(result.stdout).toContain(`${file}:${lineOf(file, '<= = 300')}:21，FEEL 1:14`)
    expect(result.stdout).toContain('test cases not run')
  }, 60_000)

  it('names a failing case with its difference and exits 1', async () => {
    const file = demoCopy(
      'hiring-subsidy.yaml',
      'failing-case.yaml',
      'expect: { status: eligible, amount: 26000 }',
      'expect: { status: eligible, amount: 27000 }',
    )
    const result = await policyTest(file)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('✗ 失败 FAIL  #1 2024 年招用 10 名毕业生和 4 名青年')
    expect(result.stdout).toContain('expected "27000", got "26000.00"')
    expect(result.stdout).toMatch(/未通过 FAIL .*8 cases: 7 passed, 1 failed/)
  }, 60_000)

  it('reports as JSON, with a version no case exercises as a publishing problem', async () => {
    const file = join(dir, 'untested-version.yaml')
    writeFileSync(
      file,
      readFileSync(join(DEMO, 'small-low-profit-enterprise-tax.yaml'), 'utf8').replaceAll(
        'taxYear: 2021',
        'taxYear: 2023',
      ),
    )
    const result = await policyTest(file, '--json')
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout)
    expect(report).toMatchObject({ ok: false, policy: { code: 'small-low-profit-enterprise-tax' } })
    expect(report.tests.failed).toBe(2)
    expect(report.publishable).toEqual([
      expect.objectContaining({
        path: '/versions/1',
        code: 'POLICY_TESTS_MISSING',
        source: { file, line: lineOf(file, 'validFrom: 2021-01-01'), column: 5 },
      }),
    ])
  }, 60_000)

  it('is a usage error without a readable file', async () => {
    const missing = join(dir, 'missing.yaml')
    const absent = await policyTest(missing)
    const none = await policyTest()
    expect(absent.code).toBe(2)
    expect(absent.stderr).toContain(missing)
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('tongban policy test FILE')
  }, 60_000)

  it('reports a DMN file missing beside the YAML at its pointer', async () => {
    copyFileSync(join(DEMO, 'sme-classification.yaml'), join(dir, 'sme.yaml'))
    const result = await policyTest(join(dir, 'sme.yaml'))
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('/versions/0/decisions/1/dmn/file  POLICY_DMN_NOT_FOUND')
  }, 60_000)
})
