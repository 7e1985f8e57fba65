import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { TEST_SECRET } from '../support/app.js'
import { runCliInProcess } from '../support/cli-in-process.js'

const run = promisify(execFile)
const dir = mkdtempSync(join(tmpdir(), 'tongban-calendar-cli-'))
const env = {
  TONGBAN_DATA_DIR: dir,
  TONGBAN_SECRET: TEST_SECRET,
  TONGBAN_PASSWORD_HASH_COST: '10',
  TONGBAN_LOG_LEVEL: 'silent',
}
/** The installed binary, once; the other commands run the same command line in this process. */
const binary = (...args: string[]) => run(process.execPath, ['bin/tongban.js', ...args], { env })
const cli = (...args: string[]) => runCliInProcess(args, env)

describe('tongban calendar load', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('loads a year from a file, audited, and lists it', async () => {
    const file = join(dir, '2027.json')
    writeFileSync(
      file,
      JSON.stringify({
        year: 2027,
        source: 'test data',
        holidays: [
          { name: '元旦', nameEn: "New Year's Day", days: ['2027-01-01'], makeUpWorkdays: [] },
        ],
      }),
    )
    expect((await binary('calendar', 'load', file)).stdout).toContain('loaded 2027')
    expect((await cli('calendar', 'years')).stdout).toMatch(/2025[\s\S]*2026[\s\S]*2027\ttest data/)
    expect((await cli('audit', 'verify')).stdout).toContain('audit chain OK: 1 records')
  }, 60_000)

  it('refuses bad year data naming the field, and a file that is not JSON', async () => {
    const bad = join(dir, 'bad.json')
    writeFileSync(
      bad,
      JSON.stringify({
        year: 2028,
        source: 'x',
        holidays: [{ name: '元旦', nameEn: 'x', days: ['2028-02-30'], makeUpWorkdays: [] }],
      }),
    )
    const refused = await cli('calendar', 'load', bad)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('/holidays/0/days/0')
    const notJson = join(dir, 'not.json')
    writeFileSync(notJson, 'year: 2028')
    const notParsed = await cli('calendar', 'load', notJson)
    expect(notParsed.code).toBe(1)
    expect(notParsed.stderr).toContain('invalid JSON')
  }, 60_000)
})
