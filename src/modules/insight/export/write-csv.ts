import type { EventLog } from '../log/event-log.js'
import { formatTimestamp } from '../log/timestamp.js'
import { TextSink } from './text-sink.js'

/** The column names writeCsv uses; readCsv reads them back with CSV_COLUMNS as the mapping. */
export const CSV_COLUMNS = {
  case: 'case_id',
  activity: 'activity',
  timestamp: 'timestamp',
  resource: 'resource',
  department: 'department',
  lifecycle: 'lifecycle',
} as const

function field(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

const name = (names: readonly string[], id: number): string => (id < 0 ? '' : (names[id] as string))

/**
 * Writes the log as CSV (UTF-8, comma, RFC 4180 quoting; gzipped when the path ends in .gz): one
 * row per event with case id, activity, ISO time, staff, department, lifecycle, then the kept
 * event attributes and the trace attributes (prefixed `case:`) as columns.
 */
export async function writeCsv(log: EventLog, path: string): Promise<void> {
  const sink = new TextSink(path)
  const header = [
    ...Object.values(CSV_COLUMNS),
    ...log.eventAttributes.map((a) => a.key),
    ...log.caseAttributes.map((a) => `case:${a.key}`),
  ]
  await sink.write(`${header.map(field).join(',')}\n`)
  for (let c = 0; c < log.caseCount; c++) {
    const caseCells = log.caseAttributes.map((a) => field(name(a.names, a.ids[c] as number)))
    for (let e = log.caseStart[c] as number; e < (log.caseStart[c + 1] as number); e++) {
      const time = log.timestamp[e] as number
      const cells = [
        log.caseIds[c] as string,
        name(log.activityNames, log.activity[e] as number),
        Number.isNaN(time) ? '' : formatTimestamp(time),
        name(log.resourceNames, log.resource[e] as number),
        name(log.groupNames, log.group[e] as number),
        name(log.lifecycleNames, log.lifecycle[e] as number),
        ...log.eventAttributes.map((a) => name(a.names, a.ids[e] as number)),
      ].map(field)
      await sink.write(`${[...cells, ...caseCells].join(',')}\n`)
    }
  }
  await sink.close()
}
