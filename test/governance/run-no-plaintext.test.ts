import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { createUploadStore, deriveUploadKeys } from '../../src/modules/governance/index.js'
import { checkFileRows, standardRules } from '../../src/modules/governance/quality/index.js'
import { POPULATION_STANDARD } from '../../src/modules/governance/standards/index.js'
import { populationCsv } from './governance-support.js'

/**
 * Planted in every row's name: no file on disk may hold it while a run reads the upload. Made
 * at run time, so that no copy of this source (e.g. vitest's transform cache) holds it.
 */
const MARKER = `MARKER-${randomBytes(8).toString('hex')}`

const dataDir = mkdtempSync(join(tmpdir(), 'tongban-no-plaintext-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

const clock = { now: () => new Date('2026-12-01T02:00:00Z') }
const uploads = createUploadStore({
  dataDir,
  maxBytes: 50 * 1024 * 1024,
  keys: deriveUploadKeys('test-secret-0123456789-abcdefghijklmnopqrstuvwxyz'),
  clock,
})

/**
 * What the system's temporary directory held before this file's runs: other programs' trees
 * (a CI checkout with its node_modules, say) are not scanned again and again, only what appears.
 */
const tmpBefore = new Set(readdirSync(tmpdir()))

/** The data directory, and what appeared in the system's temporary directory since the start. */
function scannedRoots(): string[] {
  const appeared = readdirSync(tmpdir())
    .filter((name) => !tmpBefore.has(name))
    .map((name) => join(tmpdir(), name))
  return [...new Set([dataDir, ...appeared])]
}

/** Files under the data directory and new in the system's temporary directory with the marker. */
function filesWithMarker(): string[] {
  const found: string[] = []
  for (const root of scannedRoots()) {
    let entries
    try {
      entries = statSync(root).isDirectory()
        ? readdirSync(root, { recursive: true, withFileTypes: true })
        : null
    } catch {
      continue
    }
    if (entries === null) {
      try {
        if (readFileSync(root).includes(MARKER) && !found.includes(root)) found.push(root)
      } catch {
        // Removed meanwhile, or not ours to read.
      }
      continue
    }
    for (const entry of entries) {
      if (!entry.isFile()) continue
      const path = join(entry.parentPath, entry.name)
      try {
        if (statSync(path).size > 64 * 1024 * 1024) continue
        if (readFileSync(path).includes(MARKER) && !found.includes(path)) found.push(path)
      } catch {
        // Removed meanwhile, or not ours to read.
      }
    }
  }
  return found
}

/** A 人口 file of `count` rows, every name replaced by the marker and a number. */
const markedCsv = (count: number) =>
  populationCsv({ count, seed: 21, errorRate: 0.1 })
    .split('\n')
    .map((line, i) =>
      i === 0 || line === '' ? line : `${MARKER}${i}${line.slice(line.indexOf(','))}`,
    )
    .join('\n')

describe('a run reads an encrypted upload without writing its plaintext anywhere', () => {
  it('checks the file in worker threads and in one pass with no plaintext file on disk', async () => {
    const received = await uploads.receive(Readable.from([Buffer.from(markedCsv(3_000))]))
    await uploads.keep(received)
    const { hash } = received
    expect(filesWithMarker()).toEqual([])

    // The scan finds a plaintext copy when there is one: the decrypt-to-file way (kept for
    // readers that need a path) writes one.
    const copy = await uploads.open(hash)
    expect(filesWithMarker()).toEqual([copy.path])
    await copy.close()
    expect(filesWithMarker()).toEqual([])

    const reports = []
    for (const parallel of [{ workers: 2, chunkBytes: 16 * 1024, minBytes: 0 }, false] as const) {
      const opened = await uploads.source(hash)
      const scans: string[][] = []
      let scannedAt = 0
      let spilled = false
      const checked = await checkFileRows(opened.input, {
        standard: POPULATION_STANDARD,
        specs: [
          ...standardRules(POPULATION_STANDARD),
          // Names (each holding the marker) as uniqueness keys past a tiny memory budget: on disk.
          { kind: 'unique', id: 'name.unique', fields: ['name'], exactLimit: 10 },
        ],
        runOptions: () => ({ runAt: clock.now(), samplesPerRule: 20 }),
        parallel,
        keySpill: { tempDir: uploads.tmp, memoryKeys: 100 },
        profile: true,
        onProgress: (bytes) => {
          if (bytes - scannedAt < 30_000) return
          scannedAt = bytes
          scans.push(filesWithMarker())
          spilled ||= readdirSync(uploads.tmp, { recursive: true }).some((name) =>
            String(name).endsWith('.keys'),
          )
        },
      })
      expect(checked.workers).toBe(parallel === false ? 0 : 2)
      expect(checked.fallback).toBeNull()
      expect(checked.report.rows).toBe(3_000)
      expect(scans.length).toBeGreaterThan(2)
      expect(scans.flat()).toEqual([])
      expect(spilled).toBe(true)
      reports.push(checked.report)
    }
    expect(reports[0]).toEqual(reports[1])
    expect(filesWithMarker()).toEqual([])
    expect(readdirSync(uploads.tmp)).toEqual([])
  }, 30_000)
})
