import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { writeXes } from '../export/write-xes.js'
import { logOf } from '../log/test-support.js'
import { computeVariants } from '../log/variants.js'
import { discoverProcessTree, processTreeToBpmn } from '../mining/index.js'
import { mineCommand } from './mine-cli.js'

const dir = await mkdtemp(path.join(tmpdir(), 'insight-cli-'))
const t = (day: number, hour: number) =>
  `2025-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`
const log = logOf({
  a: [
    { a: '受理', t: t(3, 9) },
    { a: '审查', t: t(4, 9) },
    { a: '办结', t: t(5, 9) },
  ],
  b: [
    { a: '受理', t: t(3, 10) },
    { a: '审查', t: t(10, 9) },
    { a: '办结', t: t(11, 9) },
  ],
  c: [
    { a: '受理', t: t(3, 11) },
    { a: '办结', t: t(4, 11) },
  ],
})

async function run(args: string[]) {
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
  try {
    return {
      code: await mineCommand(args),
      err: stderr.mock.calls.map((c) => String(c[0])).join(''),
    }
  } finally {
    stderr.mockRestore()
    stdout.mockRestore()
  }
}

describe('tongban mine', () => {
  it('writes the JSON and a self-contained HTML report, with progress on stderr', async () => {
    const file = path.join(dir, 'log.xes.gz')
    await writeXes(log, file)
    const model = path.join(dir, 'model.bpmn')
    await writeFile(
      model,
      await processTreeToBpmn(discoverProcessTree(computeVariants(log), { noiseThreshold: 0 })),
    )
    const json = path.join(dir, 'out.json')
    const html = path.join(dir, 'out.html')
    const { code, err } = await run([
      file,
      '--dfg',
      '--variants',
      '--performance',
      '--sla-days',
      '3',
      '--conformance',
      model,
      '--json',
      json,
      '--html',
      html,
    ])
    expect(code).toBe(0)
    expect(err).toContain('读取完成 read 3 案件 cases, 8 事件 events')
    const report = JSON.parse(await readFile(json, 'utf8'))
    expect(report.counts).toEqual({ cases: 3, events: 8, activities: 3, variants: 2 })
    expect(report.variants[0]).toMatchObject({
      activities: ['受理', '审查', '办结'],
      count: 2,
      share: 2 / 3,
    })
    expect(report.dfg.edges).toHaveLength(3)
    expect(report.sla).toMatchObject({ late: 1, examples: [{ caseId: 'b', step: '审查' }] })
    expect(report.conformance).toMatchObject({
      ok: true,
      report: { fitness: 1, fittingCaseCount: 3 },
    })
    const page = await readFile(html, 'utf8')
    expect(page).toContain('<svg')
    expect(page).not.toMatch(/<script|src="http/)
  })

  it('discovers a BPMN model that the log replays on, compared with the given model', async () => {
    const file = path.join(dir, 'discover.xes')
    await writeXes(log, file)
    const discovered = path.join(dir, 'discovered.bpmn')
    const json = path.join(dir, 'discover.json')
    const first = await run([file, '--discover', discovered, '--noise', '0', '--json', json])
    expect(first.code, first.err).toBe(0)
    expect(JSON.parse(await readFile(json, 'utf8')).discovered).toMatchObject({ activities: 3 })
    const again = await run([
      file,
      '--conformance',
      discovered,
      '--discover',
      discovered,
      '--json',
      json,
    ])
    expect(again.code, again.err).toBe(0)
    const report = JSON.parse(await readFile(json, 'utf8'))
    expect(report.conformance).toMatchObject({ ok: true, report: { fitness: 1 } })
    expect(report.discovered.comparison.activities).toEqual({
      onlyDiscovered: [],
      onlyDeployed: [],
      common: ['办结', '受理', '审查'].sort(),
    })
  })

  it('filters before analysing: time window, variants, activity frequency', async () => {
    const file = path.join(dir, 'filters.xes')
    await writeXes(log, file)
    const json = path.join(dir, 'filters.json')
    const counts = async (...flags: string[]) => {
      const { code, err } = await run([file, '--variants', ...flags, '--json', json])
      expect(code, err).toBe(0)
      const report = JSON.parse(await readFile(json, 'utf8')) as { counts: Record<string, number> }
      return report.counts
    }
    expect(await counts('--top-variants', '1')).toMatchObject({ cases: 2, variants: 1 })
    // Case b ends on the 11th: only a and c lie wholly before the 6th.
    expect(
      await counts('--to', '2025-11-06T00:00:00+08:00', '--window', 'contained'),
    ).toMatchObject({ cases: 2 })
    // 审查 occurs twice, 受理 and 办结 three times.
    expect(await counts('--min-activity', '3')).toMatchObject({ events: 6, activities: 2 })
    for (const bad of [
      ['--window', 'sideways', '--from', '2025-11-01'],
      ['--from', 'yesterday'],
      ['--variant-coverage', '1.5'],
      ['--noise', '0.1'],
    ]) {
      const refused = await run([file, ...bad])
      expect(refused.code, bad.join(' ')).toBe(2)
      expect(refused.err).toContain(bad[0])
    }
  })

  it('exits 1 naming a file that is not a log, and 2 on a usage error', async () => {
    const bad = path.join(dir, 'bad.xes')
    await writeFile(bad, 'not xml at all')
    const refused = await run([bad])
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('不是 XES 事件日志')
    expect((await run([path.join(dir, 'log.csv')])).code).toBe(2) // a CSV without its columns
    expect((await run(['--nope'])).code).toBe(2)
  })
})
