import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import type { CheckResult } from '../../src/modules/governance/cli/check-command.js'
import { runCliInProcess } from '../support/cli-in-process.js'
import { runCli } from '../support/process.js'
import { tempDir, writePopulationCsv } from './data-files.js'

const dir = tempDir('tongban-data-check-')
afterAll(() => dir.remove())

const readJson = (path: string): CheckResult =>
  JSON.parse(readFileSync(path, 'utf8')) as CheckResult
const failedByRule = (result: CheckResult): Map<string, number> =>
  new Map(result.report.rules.filter((r) => r.failed > 0).map((r) => [r.id, r.failed]))

describe('tongban data check', () => {
  const csv = dir.path('population.csv')
  const planted = writePopulationCsv(csv, {
    count: 3_000,
    seed: 5,
    encoding: 'utf8',
    chineseHeader: false,
  })

  it('counts each planted error under its rule and writes JSON and a self-contained HTML report', async () => {
    const [json, html] = [dir.path('report.json'), dir.path('report.html')]
    const args = ['data', 'check', csv, '--standard', 'population', '--json', json, '--html', html]
    const run = await runCli([...args, '--sample', '5'], {})
    expect(run.stderr).not.toMatch(/Error/)
    expect(run.code).toBe(0)
    const result = readJson(json)
    expect(result.report.rows).toBe(3_000)
    expect(failedByRule(result)).toEqual(planted)
    for (const rule of result.report.rules)
      expect(rule.samples.length).toBe(Math.min(rule.failed, 5))
    expect(result.profile.columns.map((c) => c.name)).toContain('id_number')

    const overall = result.report.score?.toFixed(2) ?? ''
    expect(run.stdout).toContain(`总分 Overall score: ${overall}`)
    expect(run.stdout).toMatch(/第 \d+ 行 line \d+: id_number=/)
    expect(run.stderr).toContain('已读取 read 3,000 行 rows')

    const page = readFileSync(html, 'utf8')
    expect(page).not.toMatch(/https?:\/\//)
    expect(page).not.toMatch(/<script|<link|<img|src=/i)
    expect(page).toContain('<svg')
    expect(page).toContain(overall)
    expect(page).toContain(result.report.dimensions.consistency.score?.toFixed(2))
    expect(page).toContain('id_number.unique')
  }, 60_000)

  it('reads GBK with Chinese column names and finds the same failures', async () => {
    const gbk = dir.path('population-gbk.csv')
    const plantedGbk = writePopulationCsv(gbk, {
      count: 2_000,
      seed: 6,
      encoding: 'gbk',
      chineseHeader: true,
    })
    const json = dir.path('gbk.json')
    const run = await runCliInProcess(
      ['data', 'check', gbk, '--standard', 'population', '--json', json],
      {},
    )
    expect(run.code).toBe(0)
    const result = readJson(json)
    expect(result.input.encoding).toBe('gb18030')
    expect(result.columns.columns.id_number).toBe('公民身份号码')
    expect(result.columns.missing).toEqual([])
    expect(failedByRule(result)).toEqual(plantedGbk)
    expect(run.stdout).toContain('id_number ← 公民身份号码')
  }, 60_000)

  it('refuses an unknown standard naming the known ones (exit 2)', async () => {
    const unknown = await runCliInProcess(['data', 'check', csv, '--standard', 'vehicles'], {})
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('未知的数据标准“vehicles”（现有：population, legal-person）')
  }, 60_000)

  it('fails on a file that is not a table, naming the file and the reason (exit 1)', async () => {
    const png = dir.path('scan.png')
    const header = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]
    writeFileSync(png, Buffer.from([...header, ...Array.from({ length: 500 }, (_, i) => i % 256)]))
    const report = dir.path('never.json')
    const run = await runCliInProcess(
      ['data', 'check', png, '--standard', 'population', '--json', report],
      {},
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('scan.png')
    expect(run.stderr).toContain('Not a CSV, XLSX or JSON-lines file (the content is binary)')
    expect(existsSync(report)).toBe(false)
  }, 60_000)

  it('is listed in tongban --help', async () => {
    const help = await runCliInProcess(['--help'], {})
    expect(help.stdout).toContain('tongban data check FILE --standard population|legal-person')
    expect(help.stdout).toContain('tongban data dedup FILE')
  }, 30_000)
})
