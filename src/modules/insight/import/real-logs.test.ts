import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { directlyFollowsGraph } from '../discovery/dfg.js'
import { computeVariants } from '../log/variants.js'
import { readXes } from './read-xes.js'
import { xesHeaderTotals } from './xes-header.js'

const LOGS = path.resolve(process.cwd(), '../shared/data/eventlogs')

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decode = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!)

/**
 * An independent count by a regular-expression scan of the decompressed XML: traces, events,
 * distinct activities, variants and directly-follows pairs (activity = the event's concept:name).
 */
function scanCounts(xml: string) {
  const tokens = /<(\/?)(trace|event)>|<string key="concept:name" value="([^"]*)"/g
  let traces = 0
  let events = 0
  let inEvent = false
  let trace: string[] = []
  const activities = new Set<string>()
  const variants = new Set<string>()
  const pairs = new Set<string>()
  for (let m = tokens.exec(xml); m !== null; m = tokens.exec(xml)) {
    const [, slash, element, name] = m
    if (element === 'trace' && slash === '') {
      traces++
      trace = []
    } else if (element === 'trace') {
      variants.add(trace.join('\u0000'))
      for (let i = 1; i < trace.length; i++) pairs.add(`${trace[i - 1]}\u0000${trace[i]}`)
    } else if (element === 'event') {
      inEvent = slash === ''
      if (inEvent) events++
    } else if (inEvent && name !== undefined) {
      trace.push(decode(name))
      activities.add(decode(name))
    }
  }
  return { traces, events, activities: activities.size, variants: variants.size, pairs: pairs.size }
}

async function countsOf(file: string) {
  const { log, report } = await readXes(path.join(LOGS, file))
  return {
    log,
    report,
    read: {
      traces: log.caseCount,
      events: log.eventCount,
      activities: log.activityNames.length,
      variants: computeVariants(log, { maxCaseIds: 0 }).length,
      pairs: directlyFollowsGraph(log).edges.length,
    },
    scanned: scanCounts(gunzipSync(await readFile(path.join(LOGS, file))).toString('utf8')),
  }
}

describe.skipIf(!existsSync(LOGS))('the shared real event logs', () => {
  it('reads the receipt log with the totals its header states and a scan of its XML counts', async () => {
    const { log, report, read, scanned } = await countsOf('receipt.xes.gz')
    expect(report.total).toBe(0)
    expect(xesHeaderTotals(log.logAttributes)).toEqual({
      traces: 1434,
      events: 8577,
      activities: 27,
      variants: 116,
    })
    expect(read).toEqual(scanned)
    expect(read).toMatchObject(xesHeaderTotals(log.logAttributes))
    // The departments (org:group) and a trace attribute are kept.
    expect(log.groupNames.length).toBe(10)
    expect(log.caseAttributes.map((a) => a.key)).toContain('department')
  })

  it('reads the road-fine log with the totals its header states and a scan of its XML counts', async () => {
    const { log, report, read, scanned } = await countsOf(
      'Road_Traffic_Fine_Management_Process.xes.gz',
    )
    expect(report.total).toBe(0)
    expect(xesHeaderTotals(log.logAttributes)).toEqual({
      traces: 150370,
      events: 561470,
      activities: 11,
      variants: 231,
    })
    expect(read).toEqual(scanned)
    expect(read).toMatchObject(xesHeaderTotals(log.logAttributes))
    // The header's 149 resources count "no org:resource" (Send Fine has none) as one more.
    expect(log.resourceNames.length).toBe(148)
    expect(log.resource.includes(-1)).toBe(true)
  }, 180_000)
})
