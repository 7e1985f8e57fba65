import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Clock } from '../../src/platform/clock.js'
import { UPKEEP_JOB } from '../../src/modules/governance/index.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { seedDemo } from '../support/demo.js'
import {
  getJson,
  officerToken,
  populationCsv,
  registerDataset,
  upload,
} from './governance-support.js'

interface Run {
  id: string
  status: string
  rows: number | null
  file: { hash: string }
}

const DAY = 86_400_000

const steppingClock = () => {
  let t = Date.parse('2026-12-01T02:00:00Z')
  const clock: Clock & { advance(ms: number): void } = {
    now: () => new Date((t += 1)),
    advance: (ms) => void (t += ms),
  }
  return clock
}

describe.each(testDialects())('uploaded files at rest (%s)', (dialect) => {
  let t: TestApp
  let officer: string
  let uploads: string
  const clock = steppingClock()
  const code = 'population.household'
  const csv = (seed: number) => populationCsv({ count: 40, seed, errorRate: 0 })

  const send = async (content: string) => {
    officer = await officerToken(t.app)
    const res = await upload(t.app, officer, code, content)
    expect(res.statusCode, res.body).toBe(202)
    return res.json<Run>()
  }
  const run = (id: string) => getJson<Run>(t.app, officer, `/check-runs/${id}`)
  const deletions = async () => {
    const rows: Array<{ subject_id: string }> = await t.app.database.db
      .selectFrom('platform_audit_records')
      .select('subject_id')
      .where('action', '=', 'governance.upload.deleted')
      .execute()
    return rows.map((r) => r.subject_id).sort()
  }

  beforeAll(async () => {
    t = await createTestApp({
      dialect,
      clock,
      env: { TONGBAN_GOVERNANCE_UPLOAD_RETENTION_DAYS: '7' },
    })
    await seedDemo(t.app)
    await t.app.runner.drain()
    officer = await officerToken(t.app)
    expect((await registerDataset(t.app, officer)).statusCode).toBe(201)
    uploads = join(t.app.config.dataDir, 'governance', 'uploads')
  }, 120_000)
  afterAll(() => t.dispose())

  let first: Run
  let pending: Run
  const orphan = 'f'.repeat(64)

  it('keeps an uploaded file encrypted on disk, and a run still reads it', async () => {
    const content = csv(1)
    first = await send(content)
    const onDisk = readFileSync(join(uploads, first.file.hash))
    expect(onDisk.subarray(0, 4).toString('latin1')).toBe('TBU1')
    const someId = content.split('\n')[1]?.split(',')[2] ?? ''
    expect(someId).toMatch(/^\d{17}[\dX]$/)
    expect(onDisk.includes(someId)).toBe(false)
    expect(onDisk.includes('id_number')).toBe(false)

    await t.app.runner.drain()
    expect(await run(first.id)).toMatchObject({ status: 'done', rows: 40 })
    expect(readdirSync(join(uploads, 'tmp'))).toEqual([])
  })

  it('refuses a file that is not a table, recognised from the plaintext', async () => {
    officer = await officerToken(t.app)
    const res = await upload(t.app, officer, code, Buffer.from('%PDF-1.7\n...'))
    expect(res.statusCode).toBe(400)
    expect(readdirSync(join(uploads, 'tmp'))).toEqual([])
  })

  it('deletes old uploads no run needs and keeps the rest', async () => {
    pending = await send(csv(2)) // queued, not run yet
    writeFileSync(join(uploads, orphan), 'a file whose run was never recorded')
    const then = new Date(clock.now())
    utimesSync(join(uploads, orphan), then, then)

    clock.advance(8 * DAY)
    const recent = await send(csv(3))
    await t.app.runner.drain()
    // The pending run has now run, finishing now: its file was used today.
    const report = await t.app.governance.upkeep.sweep()
    expect(report.deletedUploads.sort()).toEqual([first.file.hash, orphan].sort())
    expect(existsSync(join(uploads, first.file.hash))).toBe(false)
    expect(existsSync(join(uploads, orphan))).toBe(false)
    expect(existsSync(join(uploads, pending.file.hash))).toBe(true)
    expect(existsSync(join(uploads, recent.file.hash))).toBe(true)
    expect(await deletions()).toEqual([first.file.hash, orphan].sort())
    // The run's results outlive its file.
    expect((await run(first.id)).status).toBe('done')
  })

  it('keeps a file while a run still needs it, however old', async () => {
    const waiting = await send(csv(4))
    clock.advance(30 * DAY)
    const report = await t.app.governance.upkeep.sweep()
    expect(report.deletedUploads).not.toContain(waiting.file.hash)
    expect(existsSync(join(uploads, waiting.file.hash))).toBe(true)
    await t.app.runner.drain()
  })

  it('runs as an hourly job that queues its next round', async () => {
    await t.app.governance.upkeep.start()
    clock.advance(3_600_000)
    await t.app.runner.drain()
    const rows: Array<{ status: string }> = await t.app.database.db
      .selectFrom('platform_jobs')
      .select('status')
      .where('kind', '=', UPKEEP_JOB)
      .orderBy('run_at')
      .execute()
    expect(rows.map((r) => r.status)).toEqual(['done', 'queued'])
  })

  it('writes no plaintext of the file to disk while a run reads it', async () => {
    // Made at run time: no copy of this source holds it.
    const marker = `MARKER-${randomBytes(8).toString('hex')}`
    const content = populationCsv({ count: 2_000, seed: 9, errorRate: 0.1 })
      .split('\n')
      .map((line, i) =>
        i === 0 || line === '' ? line : `${marker}${line.slice(line.indexOf(','))}`,
      )
      .join('\n')
    const marked = await send(content)
    const holding = new Set<string>()
    let scans = 0
    const scan = () => {
      scans++
      for (const entry of readdirSync(t.app.config.dataDir, {
        recursive: true,
        withFileTypes: true,
      })) {
        if (!entry.isFile()) continue
        const path = join(entry.parentPath, entry.name)
        try {
          if (readFileSync(path).includes(marker)) holding.add(path)
        } catch {
          // Removed meanwhile.
        }
      }
    }
    const timer = setInterval(scan, 1)
    try {
      await t.app.runner.drain()
    } finally {
      clearInterval(timer)
    }
    expect(await run(marked.id)).toMatchObject({ status: 'done', rows: 2_000 })
    expect(scans).toBeGreaterThan(0)
    expect([...holding]).toEqual([])
  })
})
