import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCsv } from '../import/read-csv.js'
import { readXes } from '../import/read-xes.js'
import type { EventLog } from '../log/event-log.js'
import { logOf } from '../log/test-support.js'
import { CSV_COLUMNS, writeCsv } from './write-csv.js'
import { writeXes } from './write-xes.js'

const dir = await mkdtemp(path.join(tmpdir(), 'insight-export-'))

const source = logOf(
  {
    'SN-1': [
      {
        a: '受理',
        t: '2025-03-03T09:00:00+08:00',
        r: '张三',
        g: '政务服务中心',
        lc: 'start',
        attrs: { outcome: 'approved' },
      },
      {
        a: '受理',
        t: '2025-03-03T09:30:00.250+08:00',
        r: '张三',
        g: '政务服务中心',
        lc: 'complete',
      },
      { a: 'Review "A", <B> & C', t: '2025-03-04T09:00:00Z', g: '住建局' },
    ],
    'SN-2': [{ a: '受理' }],
  },
  {},
  { 'SN-1': { channel: '网上, app' }, 'SN-2': { channel: 'counter' } },
)

function rows(log: EventLog) {
  const out: unknown[] = []
  for (let c = 0; c < log.caseCount; c++) {
    for (let e = log.caseStart[c]!; e < log.caseStart[c + 1]!; e++) {
      out.push([
        log.caseIds[c],
        log.activityNames[log.activity[e]!],
        log.timestamp[e],
        log.resourceNames[log.resource[e]!] ?? null,
        log.groupNames[log.group[e]!] ?? null,
        log.lifecycleNames[log.lifecycle[e]!] ?? null,
      ])
    }
  }
  return out
}

describe('export', () => {
  it('writes XES (plain and gzipped) that reads back to the same log', async () => {
    for (const name of ['out.xes', 'out.xes.gz']) {
      const file = path.join(dir, name)
      await writeXes(source, file)
      const { log, report } = await readXes(file, { eventAttributes: ['outcome'] })
      expect(rows(log)).toEqual(rows(source))
      expect(report.counts).toEqual({ INSIGHT_LOG_NO_TIMESTAMP: 1 })
      expect(log.caseAttributes.find((a) => a.key === 'channel')?.names).toEqual([
        '网上, app',
        'counter',
      ])
      expect(log.eventAttributes[0]?.names).toEqual(['approved'])
    }
  })

  it('writes CSV that reads back to the same log with the matching column mapping', async () => {
    const file = path.join(dir, 'out.csv')
    await writeCsv(source, file)
    const { log } = await readCsv(file, {
      mapping: { ...CSV_COLUMNS, eventAttributes: ['outcome'], caseAttributes: ['case:channel'] },
    })
    expect(rows(log)).toEqual(rows(source))
    expect(log.caseAttributes[0]?.names).toEqual(['网上, app', 'counter'])
    expect(log.eventAttributes[0]?.names).toEqual(['approved'])
  })
})

describe('CSV import', () => {
  const mapping = { case: 'id', activity: 'step', timestamp: 'at', department: 'dept' }

  it('reads interleaved rows by case, reporting bad rows by line and analysing the rest', async () => {
    const file = path.join(dir, 'in.csv')
    await writeFile(
      file,
      [
        'id,step,at,dept',
        'A,受理,2025-03-03 09:00,中心',
        'B,受理,2025-03-03 09:05,中心',
        'A,审查,2025-03-02 10:00,住建局',
        ',审查,2025-03-03 11:00,住建局',
        'B,,2025-03-03 11:00,住建局',
        'B,审查,yesterday,住建局',
        'B,"unclosed,2025-03-03 12:00,x',
      ].join('\n'),
    )
    const { log, report } = await readCsv(file, { mapping })
    expect(log.caseIds).toEqual(['A', 'B'])
    expect(log.eventCount).toBe(4)
    expect(log.activityNames[log.activity[0]!]).toBe('审查') // A put in time order
    expect(report.issues.map((i) => [i.code, i.line ?? i.case, i.event ?? null])).toEqual([
      ['INSIGHT_LOG_OUT_OF_ORDER', 'A', 2],
      ['INSIGHT_LOG_ROW_NO_CASE', 5, null],
      ['INSIGHT_LOG_ROW_NO_ACTIVITY', 6, null],
      ['INSIGHT_LOG_BAD_TIMESTAMP', 'B', 2],
      ['INSIGHT_LOG_ROW_UNREADABLE', 8, null],
    ])
  })

  it('refuses a file whose header lacks a mapped column, or that is XML', async () => {
    const csv = path.join(dir, 'other.csv')
    await writeFile(csv, 'case,activity,time\n1,a,2025-01-01\n')
    await expect(readCsv(csv, { mapping })).rejects.toMatchObject({
      code: 'INSIGHT_LOG_COLUMN_MISSING',
    })
    const xml = path.join(dir, 'log.xes')
    await writeFile(xml, '<?xml version="1.0"?><log></log>')
    await expect(readCsv(xml, { mapping })).rejects.toMatchObject({ code: 'INSIGHT_LOG_NOT_CSV' })
  })
})
