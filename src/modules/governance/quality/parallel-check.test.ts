import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../input/test-support.js'
import { POPULATION_STANDARD } from '../standards/index.js'
import { checkFileRows, generatePopulationRows, standardRules, toCsvLine } from './index.js'
import type { FileCheck } from './index.js'

const dir = useTempDir()
const RUN_AT = new Date('2024-06-30T02:00:00Z')
const KEYS = POPULATION_STANDARD.elements.map((element) => element.key)

/**
 * A generated 人口 file (10 % planted errors), as records without line breaks; with
 * `multiLineEvery`, every so many rows' address is written over two lines (quoted).
 */
function populationLines(count: number, multiLineEvery = 0): string[] {
  const lines = [toCsvLine(KEYS)]
  let n = 0
  for (const { row } of generatePopulationRows({ count, seed: 5, errorRate: 0.1 })) {
    const address = row.household_address ?? null
    if (multiLineEvery > 0 && ++n % multiLineEvery === 0 && address !== null) {
      row.household_address = `${address.slice(0, 3)}\n${address.slice(3)}`
    }
    lines.push(toCsvLine(KEYS.map((key) => row[key] ?? null)))
  }
  return lines
}

const check = (path: string, parallel: false | { workers: number; chunkBytes: number }) =>
  checkFileRows(path, {
    standard: POPULATION_STANDARD,
    specs: standardRules(POPULATION_STANDARD),
    runOptions: () => ({ runAt: RUN_AT, samplesPerRule: 50 }),
    parallel: parallel === false ? false : { ...parallel, minBytes: 0 },
  })

const PARALLEL = { workers: 2, chunkBytes: 8 * 1024 }

/** Checks the file both ways; the reports must be the same, samples and all. */
async function bothWays(path: string): Promise<{ single: FileCheck; parallel: FileCheck }> {
  const single = await check(path, false)
  const parallel = await check(path, PARALLEL)
  expect(parallel.report).toEqual(single.report)
  expect(parallel.summary.rows).toBe(single.summary.rows)
  expect(parallel.summary.errors).toBe(single.summary.errors)
  return { single, parallel }
}

describe('checking a CSV file in worker threads', () => {
  it('gives the report of one pass, duplicates across chunks and samples included', async () => {
    const path = await dir.write('population.csv', `${populationLines(2_000).join('\n')}\n`)
    const { parallel } = await bothWays(path)
    expect(parallel.workers).toBe(2)
    expect(parallel.fallback).toBeNull()
    const unique = parallel.report.rules.find((rule) => rule.id === 'id_number.unique')
    expect(unique?.failed).toBeGreaterThan(0)
    expect(parallel.report.rows).toBe(2_000)
  }, 60_000)

  it('reads GBK with CRLF and malformed rows on their own lines in every chunk', async () => {
    const lines = populationLines(1_500)
    // Every 97th line has a column too few; every 211th text after a quote (refused on its line).
    const broken = lines.map((line, i) => {
      if (i > 0 && i % 97 === 0) return line.slice(0, line.lastIndexOf(','))
      if (i > 0 && i % 211 === 0) return `"x"y${line}`
      return line
    })
    const path = await dir.write(
      'population-gbk.csv',
      iconv.encode(`${broken.join('\r\n')}\r\n`, 'gbk'),
    )
    const { parallel } = await bothWays(path)
    expect(parallel.workers).toBe(2)
    expect(parallel.summary.encoding).toBe('gb18030')
    const readable = parallel.report.rules.find((rule) => rule.id === 'row.readable')
    expect(readable?.failed).toBe(parallel.summary.errors)
    expect(readable?.samples.map((sample) => sample.line).slice(0, 3)).toEqual([98, 195, 212])
  }, 60_000)

  it('reads a UTF-8 BOM and quoted line breaks inside chunks', async () => {
    const path = await dir.write(
      'population-bom.csv',
      `\uFEFF${populationLines(1_000, 10).join('\n')}\n`,
    )
    const { parallel } = await bothWays(path)
    expect(parallel.report.rows).toBe(1_000)
  }, 60_000)

  it('falls back to one pass when a quoted line break spans two chunks', async () => {
    const path = await dir.write(
      'population-multi.csv',
      `${populationLines(1_000, 1).join('\n')}\n`,
    )
    const { parallel } = await bothWays(path)
    expect(parallel.fallback).toBe('open_quote')
    expect(parallel.workers).toBe(0)
  }, 60_000)

  it('falls back to one pass for lone carriage returns', async () => {
    const text = populationLines(500)
      .map((line, i) => `${line}${i % 50 === 49 ? '\r' : '\n'}`)
      .join('')
    const path = await dir.write('population-cr.csv', text)
    const { parallel } = await bothWays(path)
    expect(parallel.fallback).toBe('line_breaks')
  }, 60_000)
})

describe('a worker past its heap cap', () => {
  it('costs the speed, not the check: the file is read in one pass', async () => {
    const path = await dir.write('capped.csv', `${populationLines(2_000).join('\n')}\n`)
    const capped = await checkFileRows(path, {
      standard: POPULATION_STANDARD,
      specs: standardRules(POPULATION_STANDARD),
      runOptions: () => ({ runAt: RUN_AT, samplesPerRule: 50 }),
      parallel: {
        ...PARALLEL,
        minBytes: 0,
        chunkBytes: 256 * 1024,
        heap: { youngMb: 1, oldMb: 4 },
      },
    })
    expect(capped.fallback).toBe('worker_memory')
    expect(capped.report).toEqual((await check(path, false)).report)
  }, 60_000)
})

describe('profiling a CSV file in worker threads', () => {
  it('merges the workers’ column profiles into the one-pass profile', async () => {
    const path = await dir.write('profiled.csv', `${populationLines(3_000).join('\n')}\n`)
    const profiled = (parallel: false | typeof PARALLEL) =>
      checkFileRows(path, {
        standard: POPULATION_STANDARD,
        specs: standardRules(POPULATION_STANDARD),
        runOptions: () => ({ runAt: RUN_AT }),
        profile: true,
        parallel: parallel === false ? false : { ...parallel, minBytes: 0 },
      })
    const single = await profiled(false)
    const parallel = await profiled(PARALLEL)
    expect(parallel.workers).toBe(2)
    const one = single.profile
    const many = parallel.profile
    expect(many?.rowCount).toBe(3_000)
    expect(many?.rowCount).toBe(one?.rowCount)
    for (const [i, column] of (one?.columns ?? []).entries()) {
      const merged = many?.columns[i]
      const { topValues, topPatterns, numbers, ...exact } = column
      expect(merged).toMatchObject(exact)
      // Mean and deviation merged pairwise differ from one pass in the last bits only.
      expect(merged?.numbers?.count).toBe(numbers?.count)
      expect(merged?.numbers?.min).toBe(numbers?.min)
      const near = (a = 0, b = 0) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))
      expect(near(merged?.numbers?.mean, numbers?.mean)).toBe(true)
      expect(near(merged?.numbers?.stddev ?? 0, numbers?.stddev ?? 0)).toBe(true)
      // Few distinct values: the summaries never overflow, so their counts are exact too.
      if (topValues.maxUndercount === 0 && merged?.topValues.maxUndercount === 0) {
        expect(merged.topValues).toEqual(topValues)
      }
      expect(merged?.topPatterns.entries[0]).toEqual(topPatterns.entries[0])
    }
    expect(many?.columns.find((c) => c.name === 'sex')?.topValues.maxUndercount).toBe(0)
  }, 60_000)
})
