import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app.js'
import { cliActor } from '../../src/cli/cli-actor.js'
import { fixedClock } from '../../src/platform/clock.js'
import { loadConfig } from '../../src/platform/config.js'
import { openDatabase } from '../../src/platform/db/database.js'
import { computeCreditCodeCheckChar } from '../../src/platform/standards/index.js'
import { TEST_SECRET } from '../support/app.js'
import { createPostgresUrl, testDialects } from '../support/databases.js'
import { seedDemo } from '../support/demo.js'
import { runCliInProcess } from '../support/cli-in-process.js'
import { runCli } from '../support/process.js'
import { QINGHE, YUNHE, YUNQI } from './policy-support.js'

const UNKNOWN = `91330106MA2KC7R4A${computeCreditCodeCheckChar('91330106MA2KC7R4A')}`

/** The lines of one policy's block in the text output, from its status line to the blank line. */
function blockOf(stdout: string, policyName: string): string {
  const start = stdout.split('\n\n').find((block) => block.includes(policyName))
  if (!start) throw new Error(`no ${policyName} in:\n${stdout}`)
  return start
}

describe.each(testDialects())('tongban policy match (%s)', (dialect) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-policy-match-cli-'))
  const env: Record<string, string> = {
    TONGBAN_DATA_DIR: dataDir,
    TONGBAN_SECRET: TEST_SECRET,
    TONGBAN_PASSWORD_HASH_COST: '10',
    TONGBAN_LOG_LEVEL: 'silent',
  }
  let disposePostgres = async () => {}
  // The first case runs the real binary; the rest run the same command line in this process.
  const binary = (...args: string[]) => runCli(['policy', 'match', ...args], env)
  const cli = (...args: string[]) => runCliInProcess(['policy', 'match', ...args], env)
  const isDirty = async (creditCode: string) => {
    const config = loadConfig(env)
    const db = openDatabase({ url: config.databaseUrl, sqlitePath: config.sqlitePath })
    try {
      const row = await db.db
        .selectFrom('policy_enterprises')
        .select('dirty')
        .where('credit_code', '=', creditCode)
        .executeTakeFirstOrThrow()
      return row.dirty === 1
    } finally {
      await db.close()
    }
  }

  beforeAll(async () => {
    if (dialect === 'postgres') {
      const pg = await createPostgresUrl()
      env.DATABASE_URL = pg.url
      disposePostgres = pg.dispose
    }
    // Matched on a fixed date, so the amounts below do not depend on when the test runs; then
    // one enterprise's figures change and its matching is left for the CLI to run.
    const clock = fixedClock('2026-11-20T02:00:00Z', 1)
    const app = await buildApp({
      config: loadConfig(env),
      clock,
      logger: pino({ level: 'silent' }),
    })
    await seedDemo(app)
    await app.runner.drain()
    const department = await app.identity.departments.findByCode('data_bureau')
    const officer = cliActor([{ role: 'data_officer', departmentId: department?.id ?? null }])
    await app.policy.facts.importFacts(officer, [
      { creditCode: QINGHE, asOf: '2025-12-31', facts: { employees: 13 } },
    ])
    await app.close()
  }, 120_000)
  afterAll(async () => {
    await disposePostgres()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('runs pending matching, then explains an enterprise’s matches with the amount', async () => {
    expect(await isDirty(QINGHE)).toBe(true)
    const result = await binary('--enterprise', YUNQI)
    expect(result.code, result.stderr).toBe(0)
    expect(await isDirty(QINGHE)).toBe(false)
    expect(result.stdout).toContain(`示范市云栖智联科技有限公司  ${YUNQI}`)
    const tax = blockOf(result.stdout, '小型微利企业所得税优惠')
    expect(tax).toMatch(/^✓ 符合 eligible {2}小型微利企业所得税优惠/)
    expect(tax).toContain('金额 amount: 252000.00 CNY   截止 deadline: 2027-12-31')
    expect(blockOf(result.stdout, '高新技术企业认定条件')).toMatch(
      /^\? 可能符合 possibly eligible[\s\S]*需补充 needs:\n {6}innovationScore — 企业创新能力评价得分/,
    )
  }, 60_000)

  it('names the failed condition and the values it read', async () => {
    const result = await cli('--enterprise', YUNHE)
    expect(result.code, result.stderr).toBe(0)
    const tax = blockOf(result.stdout, '小型微利企业所得税优惠')
    expect(tax).toMatch(/^✗ 不符合 not eligible/)
    expect(tax).toMatch(
      /未满足 failed: employees — 从业人数不超过 300 人[^\n]*\n\s+读取 read: employees = \d+ 人/,
    )
  }, 60_000)

  it('prints the HTTP view as JSON', async () => {
    const result = await cli('--enterprise', YUNQI.toLowerCase(), '--json')
    expect(result.code, result.stderr).toBe(0)
    const view = JSON.parse(result.stdout)
    expect(view).toMatchObject({ creditCode: YUNQI, on: '2026-11-20', pending: false })
    expect(
      view.matches.find(
        (m: { policy: { code: string } }) => m.policy.code === 'small-low-profit-enterprise-tax',
      ),
    ).toMatchObject({ status: 'eligible', amount: { value: '252000.00', unit: 'CNY' } })
  }, 60_000)

  it('names an unknown enterprise and exits 1', async () => {
    const result = await cli('--enterprise', UNKNOWN)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`no enterprise with credit code ${UNKNOWN}`)
  }, 60_000)
})

describe('tongban policy match usage', () => {
  it('is a usage error without a valid credit code', async () => {
    const env = { TONGBAN_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }
    const invalid = await runCliInProcess(
      ['policy', 'match', '--enterprise', '91330106MA2KC7R48X'],
      env,
    )
    const missing = await runCliInProcess(['policy', 'match'], env)
    expect(invalid.code).toBe(2)
    expect(invalid.stderr).toContain('invalid credit code 91330106MA2KC7R48X')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--enterprise CREDIT_CODE')
  }, 60_000)
})
