import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatePopulationRows } from '../quality/index.js'
import type { GeneratedRow } from '../quality/index.js'
import { POPULATION_STANDARD } from '../standards/index.js'
import type { CheckResult } from './check-command.js'
import type { CliIo } from './cli-io.js'
import { dataCommand } from './data-cli.js'

const KEYS = POPULATION_STANDARD.elements.map((e) => e.key)
const ROWS: GeneratedRow[] = [...generatePopulationRows({ count: 400, seed: 3, errorRate: 0.15 })]
const PLANTED = ROWS.filter((r) => r.planted.length > 0).length

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tongban-check-formats-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const silent: CliIo = { out: () => undefined, err: { write: () => true }, now: () => 0 }

async function check(file: string): Promise<CheckResult> {
  const json = `${file}.json`
  expect(
    await dataCommand(['check', file, '--standard', 'population', '--json', json], silent),
  ).toBe(0)
  return JSON.parse(await readFile(json, 'utf8')) as CheckResult
}

/** Rows with any failing rule other than row.readable, from the samples (kept large enough). */
const failingRows = (result: CheckResult): number =>
  new Set(result.report.rules.flatMap((r) => r.samples.map((s) => s.line))).size

describe('data check reads every format the input library detects', () => {
  it('checks an XLSX workbook', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('人口')
    sheet.addRow(POPULATION_STANDARD.elements.map((e) => e.name.zh))
    for (const { row } of ROWS) sheet.addRow(KEYS.map((k) => row[k] ?? null))
    const file = join(dir, 'population.xlsx')
    await workbook.xlsx.writeFile(file)
    const result = await check(file)
    expect(result.input).toMatchObject({ kind: 'xlsx', rows: 400 })
    expect(result.input.bytesRead).toBeGreaterThan(0)
    expect(result.report.rules.every((r) => r.failed <= 20)).toBe(true)
    expect(failingRows(result)).toBe(PLANTED)
  })

  it('checks JSON lines', async () => {
    const file = join(dir, 'population.jsonl')
    await writeFile(file, ROWS.map(({ row }) => JSON.stringify(row)).join('\n'))
    const result = await check(file)
    expect(result.input).toMatchObject({ kind: 'jsonl', encoding: 'utf-8', rows: 400 })
    expect(failingRows(result)).toBe(PLANTED)
  })
})
