import type { AttributeColumn, EventLog } from '../log/event-log.js'
import { XES_KEYS } from '../log/event-log.js'
import { formatTimestamp } from '../log/timestamp.js'
import { escapeXml, TextSink } from './text-sink.js'

const EXTENSIONS = [
  ['Concept', 'concept'],
  ['Time', 'time'],
  ['Organizational', 'org'],
  ['Lifecycle', 'lifecycle'],
] as const

function attribute(type: string, key: string, value: string): string {
  return `<${type} key="${escapeXml(key)}" value="${escapeXml(value)}"/>`
}

function kept(columns: readonly AttributeColumn[], row: number): string {
  let out = ''
  for (const column of columns) {
    const id = column.ids[row] as number
    if (id >= 0) out += attribute(column.type, column.key, column.names[id] as string)
  }
  return out
}

function eventXml(log: EventLog, e: number): string {
  let out =
    '<event>' +
    attribute('string', XES_KEYS.name, log.activityNames[log.activity[e] as number] as string)
  const time = log.timestamp[e] as number
  if (!Number.isNaN(time)) out += attribute('date', XES_KEYS.timestamp, formatTimestamp(time))
  const r = log.resource[e] as number
  if (r >= 0) out += attribute('string', XES_KEYS.resource, log.resourceNames[r] as string)
  const g = log.group[e] as number
  if (g >= 0) out += attribute('string', XES_KEYS.group, log.groupNames[g] as string)
  const lc = log.lifecycle[e] as number
  if (lc >= 0) out += attribute('string', XES_KEYS.lifecycle, log.lifecycleNames[lc] as string)
  return `${out}${kept(log.eventAttributes, e)}</event>\n`
}

/**
 * Writes the log as IEEE 1849-2016 XES (gzipped when the path ends in .gz): the standard
 * extensions, trace and event attributes with their types, times in UTC with milliseconds. The
 * header statistics of an imported log are not copied (they would not describe a filtered log).
 */
export async function writeXes(log: EventLog, path: string): Promise<void> {
  const sink = new TextSink(path)
  await sink.write('<?xml version="1.0" encoding="UTF-8"?>\n')
  await sink.write(
    '<log xes.version="1849-2016" xes.features="" xmlns="http://www.xes-standard.org/">\n',
  )
  for (const [name, prefix] of EXTENSIONS) {
    await sink.write(
      `<extension name="${name}" prefix="${prefix}" uri="http://www.xes-standard.org/${prefix}.xesext"/>\n`,
    )
  }
  await sink.write('<classifier name="Activity" keys="concept:name"/>\n')
  for (let c = 0; c < log.caseCount; c++) {
    let trace =
      '<trace>' +
      attribute('string', XES_KEYS.name, log.caseIds[c] as string) +
      kept(log.caseAttributes, c) +
      '\n'
    for (let e = log.caseStart[c] as number; e < (log.caseStart[c + 1] as number); e++)
      trace += eventXml(log, e)
    await sink.write(`${trace}</trace>\n`)
  }
  await sink.write('</log>\n')
  await sink.close()
}
