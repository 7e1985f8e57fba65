import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import type { DedupReport } from '../../src/modules/governance/cli/dedup-command.js'
import { runCliInProcess } from '../support/cli-in-process.js'
import { runCli } from '../support/process.js'
import { tempDir, writePersonsCsv, writePopulationCsv } from './data-files.js'

const dir = tempDir('tongban-data-dedup-')
afterAll(() => dir.remove())

describe('tongban data dedup', () => {
  const csv = dir.path('persons.csv')
  writePersonsCsv(csv, 3_000, 17)

  it('finds planted duplicate persons, printing a few clusters with evidence and the rest as a count', async () => {
    const json = dir.path('dedup.json')
    const run = await runCli(
      ['data', 'dedup', csv, '--truth', 'entity', '--json', json, '--show', '2'],
      {},
    )
    expect(run.code).toBe(0)
    const report = JSON.parse(readFileSync(json, 'utf8')) as DedupReport
    const evaluation = report.evaluation
    console.log(
      `data dedup, 3,000 persons: ${report.clusterCount} clusters, precision ${evaluation?.precision.toFixed(4)}, ` +
        `recall ${evaluation?.recall.toFixed(4)} (${evaluation?.truePairs} true pairs)`,
    )
    expect(evaluation?.truePairs).toBeGreaterThan(250)
    expect(evaluation?.precision).toBeGreaterThanOrEqual(0.95)
    expect(evaluation?.recall).toBeGreaterThanOrEqual(0.95)
    expect(report.warnings).toEqual([])
    expect(report.fields).toMatchObject({ name: '姓名', idNumber: '公民身份号码', address: '地址' })
    const first = report.clusters[0]
    expect(first?.lines.length).toBeGreaterThanOrEqual(2)
    expect(first?.records.map((r) => r.line)).toEqual(first?.lines)

    expect(run.stdout.match(/^#\d+ {2}置信度 confidence/gm)).toHaveLength(2)
    expect(run.stdout).toContain('证据 evidence: name')
    expect(run.stdout).toContain(`and ${report.clusterCount - 2} more clusters`)
    expect(run.stdout).toMatch(/精确率 precision (0\.9\d+|1\.0+), 召回率 recall (0\.9\d+|1\.0+)/)
  }, 60_000)

  it('finds no cluster in a 人口 file whose only shared ID numbers are planted errors', async () => {
    // Before training took u from random pairs, EM learnt this file the wrong way round
    // (λ 0.998) and put nearly every person in one cluster.
    const population = dir.path('population.csv')
    const planted = writePopulationCsv(population, {
      count: 5_000,
      seed: 3,
      encoding: 'utf8',
      chineseHeader: true,
    })
    expect(planted.get('id_number.unique')).toBeGreaterThan(20)
    const json = dir.path('population-dedup.json')
    const run = await runCliInProcess(['data', 'dedup', population, '--json', json], {})
    expect(run.code).toBe(0)
    const report = JSON.parse(readFileSync(json, 'utf8')) as DedupReport
    expect(report.blockStats.find((s) => s.rule === 'id-number')?.pairs).toBeGreaterThan(20)
    expect(report.recordsInClusters).toBeLessThanOrEqual(5)
    expect(report.model.lambda).toBeLessThan(0.01)
    expect(report.warnings).toEqual([])
  }, 60_000)
})
