import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { useTempDir } from '../input/test-support.js'
import { POPULATION_STANDARD } from '../standards/index.js'
import { hash64 } from '../profile/index.js'
import { checkFileRows, generatePopulationRows, standardRules, toCsvLine } from './index.js'
import { createKeySpill } from './key-spill.js'
import type { FileCheckOptions, QualityRuleSpec } from './index.js'

const dir = useTempDir()
const made: string[] = []
/** A temporary directory of this test's own, removed after the tests. */
const tempParent = (): string => {
  const path = mkdtempSync(join(tmpdir(), 'tongban-spill-test-'))
  made.push(path)
  return path
}
afterAll(() => made.forEach((path) => rmSync(path, { recursive: true, force: true })))
const RUN_AT = new Date('2024-06-30T02:00:00Z')
const KEYS = POPULATION_STANDARD.elements.map((element) => element.key)
const ROWS = 3_000

/**
 * A generated 人口 file (its own planted duplicate ID numbers) with more duplicates planted: rows
 * repeating early lines (whose keys stay in memory) and late lines (whose keys go to disk).
 */
function plantedFile(): string {
  const lines = [toCsvLine(KEYS)]
  for (const { row } of generatePopulationRows({ count: ROWS, seed: 11, errorRate: 0.1 })) {
    lines.push(toCsvLine(KEYS.map((key) => row[key] ?? null)))
  }
  for (const repeated of [3, 7, 40, 1_200, 2_000, 2_001, 2_999, 7, 2_000]) {
    lines.push(lines[repeated] as string)
  }
  return `${lines.join('\n')}\n`
}

/** The standard's rules, the uniqueness rules with `exactLimit` keys held exactly. */
const specsWith = (exactLimit?: number): QualityRuleSpec[] =>
  standardRules(POPULATION_STANDARD).map((spec) =>
    spec.kind === 'unique' && exactLimit !== undefined ? { ...spec, exactLimit } : spec,
  )

const check = (path: string, more: Partial<FileCheckOptions> & { exactLimit?: number } = {}) => {
  const { exactLimit, ...options } = more
  return checkFileRows(path, {
    standard: POPULATION_STANDARD,
    specs: specsWith(exactLimit),
    runOptions: () => ({ runAt: RUN_AT, samplesPerRule: 40 }),
    parallel: false,
    ...options,
  })
}

/** Every file under `root`, with its path. */
const filesUnder = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))

describe('uniqueness keys past the memory budget go to disk', () => {
  it('finds the same duplicates, first lines and samples as the index in memory', async () => {
    const path = await dir.write('planted.csv', plantedFile())
    const inMemory = await check(path)
    const unique = inMemory.report.rules.find((rule) => rule.id === 'id_number.unique')
    // The generator's own duplicates plus the nine planted ones.
    expect(unique?.failed).toBeGreaterThan(9)
    expect(unique?.samples.length).toBe(40)

    const tempDir = tempParent()
    const seen: string[] = []
    const spilled = await check(path, {
      exactLimit: 10,
      // 50 hashes in memory; ~3,000 keys on disk, ~47 a partition: each is split again.
      keySpill: { tempDir, memoryKeys: 50 },
      onProgress: (_bytes, events) => {
        if (events === 2_500) seen.push(...filesUnder(tempDir))
      },
    })
    expect(seen.some((file) => file.endsWith('.keys'))).toBe(true)
    expect(spilled.report).toEqual(inMemory.report)
    expect(filesUnder(tempDir)).toEqual([])
    expect(readdirSync(tempDir)).toEqual([])

    const parallel = await check(path, {
      exactLimit: 10,
      keySpill: { tempDir, memoryKeys: 50 },
      parallel: { workers: 2, chunkBytes: 16 * 1024, minBytes: 0 },
    })
    expect(parallel.workers).toBe(2)
    expect(parallel.report).toEqual(inMemory.report)
    expect(readdirSync(tempDir)).toEqual([])
  }, 60_000)

  it('removes the spilled keys when the run fails', async () => {
    const path = await dir.write('planted-fail.csv', plantedFile())
    const tempDir = tempParent()
    let files = 0
    const failing = check(path, {
      exactLimit: 10,
      keySpill: { tempDir, memoryKeys: 50 },
      onProgress: (_bytes, events) => {
        if (events !== 2_800) return
        files = filesUnder(tempDir).length
        throw new Error('stopped on purpose')
      },
    })
    await expect(failing).rejects.toThrow('stopped on purpose')
    expect(files).toBeGreaterThan(0)
    expect(readdirSync(tempDir)).toEqual([])
  }, 30_000)

  it('writes the keys encrypted and finds each repeat with its first line', () => {
    const parent = tempParent()
    const spill = createKeySpill({ dir: parent, partitionKeys: 100 })
    const keyOf = (i: number) => `MARKER-${i % 50_000}-110101199001011234`
    for (let line = 1; line <= 60_000; line++) {
      const { hi, lo } = hash64(keyOf(line).toUpperCase())
      spill.add(hi, lo, line, keyOf(line))
    }
    const files = filesUnder(parent)
    expect(files.length).toBe(64)
    const bytes = files.reduce((sum, file) => sum + readFileSync(file).length, 0)
    expect(bytes).toBeGreaterThan(500_000)
    for (const file of files) expect(readFileSync(file, 'latin1')).not.toContain('MARKER')
    const found = new Map<number, { first: number; text: string }>()
    spill.resolve((line, first, text) => found.set(line, { first, text }))
    // Lines 50,001–60,000 repeat lines 1–10,000.
    expect(found.size).toBe(10_000)
    expect(found.get(50_001)).toEqual({ first: 1, text: keyOf(1) })
    expect(found.get(60_000)).toEqual({ first: 10_000, text: keyOf(10_000) })
    expect(readdirSync(parent)).toEqual([])
  })
})
