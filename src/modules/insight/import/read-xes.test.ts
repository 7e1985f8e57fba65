import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { caseActivities } from '../log/event-log.js'
import { LogFileError } from '../log/log-messages.js'
import { readXes } from './read-xes.js'
import type { LogBytes, ReadProgress } from './text-source.js'

const dir = await mkdtemp(path.join(tmpdir(), 'insight-xes-'))

async function file(name: string, content: string | Buffer): Promise<string> {
  const at = path.join(dir, name)
  await writeFile(at, content)
  return at
}

const XES = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <global scope="event"><string key="concept:name" value="UNKNOWN"/></global>
  <classifier name="Activity" keys="concept:name"/>
  <string key="concept:name" value="permits &amp; fines"/>
  <int key="meta_general:traces_total" value="2"><int key="nested" value="1"/></int>
  <trace>
    <string key="concept:name" value="case-1"/>
    <string key="department" value="住建局"/>
    <event>
      <string key="concept:name" value="受理"/>
      <date key="time:timestamp" value="2025-03-03T09:00:00+08:00"/>
      <string key="org:resource" value="张三"/>
      <string key="org:group" value="政务服务中心"/>
      <string key="lifecycle:transition" value="start"/>
      <float key="amount" value="35.0"/>
      <list key="tags"><values><string key="t" value="x"/></values></list>
    </event>
    <event>
      <string key="concept:name" value="受理"/>
      <date key="time:timestamp" value="2025-03-03T10:00:00+08:00"/>
      <string key="lifecycle:transition" value="complete"/>
    </event>
    <event>
      <date key="time:timestamp" value="2025-03-04T10:00:00+08:00"/>
    </event>
  </trace>
  <trace>
    <event>
      <string key="concept:name" value="审查"/>
      <date key="time:timestamp" value="not a date"/>
    </event>
  </trace>
</log>`

describe('readXes', () => {
  it('reads traces, events, standard keys and attributes, reporting what is wrong', async () => {
    const { log, report } = await readXes(await file('small.xes', XES), {
      eventAttributes: ['amount', 'tags'],
    })
    expect(log.caseIds).toEqual(['case-1', 'trace-2'])
    expect(caseActivities(log, 0)).toEqual(['受理', '受理'])
    expect(log.lifecycleNames).toEqual(['start', 'complete'])
    expect(log.resourceNames).toEqual(['张三'])
    expect(log.groupNames).toEqual(['政务服务中心'])
    expect(log.timestamp[0]).toBe(Date.parse('2025-03-03T01:00:00Z'))
    expect(log.eventAttributes.map((a) => a.key)).toEqual(['amount'])
    expect(log.caseAttributes.find((a) => a.key === 'department')?.names).toEqual(['住建局'])
    expect(log.logAttributes.map((a) => a.key)).toEqual([
      'concept:name',
      'meta_general:traces_total',
    ])
    expect(log.logAttributes[0]?.value).toBe('permits & fines')
    expect(log.logAttributes[1]?.children[0]?.key).toBe('nested')
    expect(report.issues.map(({ code, case: c, event }) => ({ code, case: c, event }))).toEqual([
      { code: 'INSIGHT_LOG_NO_ACTIVITY', case: 'case-1', event: 3 },
      { code: 'INSIGHT_LOG_BAD_TIMESTAMP', case: 'trace-2', event: 1 },
      { code: 'INSIGHT_LOG_NO_CASE_ID', case: 'trace-2', event: undefined },
    ])
  })

  it('reads the same log gzipped, whatever its name, and reports progress to the file size', async () => {
    const gz = gzipSync(Buffer.from(XES))
    const seen: ReadProgress[] = []
    const { log } = await readXes(await file('small.xes', gz), { onProgress: (p) => seen.push(p) })
    expect(log.eventCount).toBe(3)
    expect(seen.at(-1)).toEqual({ bytesRead: gz.length, totalBytes: gz.length })
  })

  it('refuses a file that is not XES, naming why', async () => {
    const csv = await file('log.csv', 'case,activity,time\n1,a,2025-01-01\n')
    await expect(readXes(csv)).rejects.toMatchObject({ code: 'INSIGHT_LOG_NOT_XES' })
    const html = await file('page.xes', '<html><body/></html>')
    await expect(readXes(html)).rejects.toThrow(LogFileError)
    await expect(readXes(await file('empty.xes', ''))).rejects.toMatchObject({
      code: 'INSIGHT_LOG_NOT_XES',
    })
    await expect(readXes(path.join(dir, 'missing.xes'))).rejects.toMatchObject({
      code: 'INSIGHT_LOG_UNREADABLE',
    })
  })

  it('keeps what it read before malformed XML and says where it broke off', async () => {
    const broken = XES.replace(
      '<trace>\n    <event>\n      <string key="concept:name" value="审查"/>',
      '<trace>\n    <event>\n      <string key="concept:name" value="审查"></oops>',
    )
    const { log, report } = await readXes(await file('broken.xes', broken))
    expect(log.caseIds[0]).toBe('case-1')
    expect(log.eventCount).toBe(2)
    expect(report.issues.at(-1)).toMatchObject({
      code: 'INSIGHT_LOG_MALFORMED_XML',
      line: 31,
      traces: 1,
    })
  })
})

describe('reading a log from a source of bytes (an upload decrypted as it is read)', () => {
  const sourceOf = (bytes: Buffer, chunk = 7): LogBytes => ({
    name: 'upload',
    size: bytes.length,
    stream: ({ start = 0 } = {}) => {
      const pieces: Buffer[] = []
      for (let at = start; at < bytes.length; at += chunk)
        pieces.push(bytes.subarray(at, at + chunk))
      return Readable.from(pieces)
    },
  })

  it('reads plain and gzipped XES as it reads the file, with progress in bytes of the source', async () => {
    const fromFile = await readXes(await file('source.xes', XES))
    for (const bytes of [Buffer.from(XES), gzipSync(XES)]) {
      const seen: ReadProgress[] = []
      const fromSource = await readXes(sourceOf(bytes), { onProgress: (p) => seen.push(p) })
      expect(fromSource.log.eventCount).toBe(fromFile.log.eventCount)
      expect(caseActivities(fromSource.log, 0)).toEqual(caseActivities(fromFile.log, 0))
      expect(seen.at(-1)).toEqual({ bytesRead: bytes.length, totalBytes: bytes.length })
    }
  })
})
