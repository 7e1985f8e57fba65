import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readRows } from '../input/index.js'
import { POPULATION_STANDARD } from '../standards/index.js'
import { createQualityRun, generatePopulationRows, standardRules, toCsvLine } from './index.js'

const dirs: string[] = []
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

describe('checking a CSV file read by readRows', () => {
  it('reports planted errors on their file lines and counts a malformed line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tongban-quality-'))
    dirs.push(dir)
    const keys = POPULATION_STANDARD.elements.map((e) => e.key)
    const lines = [toCsvLine(keys)]
    const plantedLines: number[] = []
    for (const { row, planted } of generatePopulationRows({
      count: 300,
      seed: 9,
      errorRate: 0.1,
    })) {
      lines.push(toCsvLine(keys.map((key) => row[key] ?? null)))
      if (planted.length > 0) plantedLines.push(lines.length)
    }
    lines.push('only,three,columns')
    const path = join(dir, 'population.csv')
    await writeFile(path, `${lines.join('\n')}\n`)

    const run = createQualityRun(POPULATION_STANDARD, standardRules(POPULATION_STANDARD), {
      runAt: new Date('2024-06-30T02:00:00Z'),
      samplesPerRule: 1_000,
    })
    for await (const event of readRows(path)) run.add(event)
    const report = run.finish()

    expect(report).toMatchObject({ rows: 300, unreadableRows: 1 })
    const failing = new Set(
      report.rules
        .filter((r) => r.id !== 'row.readable')
        .flatMap((r) =>
          r.samples.filter((s) => s.reason !== 'input.unreadable').map((s) => s.line),
        ),
    )
    expect([...failing].sort((a, b) => a - b)).toEqual(plantedLines)
    const readable = report.rules.find((r) => r.id === 'row.readable')
    expect(readable?.samples[0]).toMatchObject({
      line: 302,
      reason: 'GOVERNANCE_INPUT_COLUMN_COUNT',
    })
  })
})
