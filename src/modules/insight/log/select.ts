import type { AttributeColumn, EventLog } from './event-log.js'
import { int32Column } from './growable.js'

function pick<T extends Int32Array | Float64Array>(column: T, events: Int32Array): T {
  const out = new (column.constructor as new (n: number) => T)(events.length)
  for (let i = 0; i < events.length; i++) out[i] = column[events[i] as number] as number
  return out
}

function pickAttributes(columns: readonly AttributeColumn[], rows: Int32Array): AttributeColumn[] {
  return columns.map((column) => ({ ...column, ids: pick(column.ids, rows) }))
}

/**
 * A new log of the chosen cases, and within them the chosen events (all when `keepEvent` is
 * undefined). Cases left without events are dropped when events were filtered. Name tables are
 * shared with the source log, so ids mean the same in both.
 */
export function selectEvents(
  log: EventLog,
  keepCase: (c: number) => boolean,
  keepEvent?: (e: number) => boolean,
): EventLog {
  const cases: number[] = []
  const events = int32Column()
  const caseStart: number[] = [0]
  for (let c = 0; c < log.caseCount; c++) {
    if (!keepCase(c)) continue
    const before = events.length
    for (let e = log.caseStart[c] as number; e < (log.caseStart[c + 1] as number); e++) {
      if (keepEvent === undefined || keepEvent(e)) events.push(e)
    }
    if (keepEvent !== undefined && events.length === before) continue
    cases.push(c)
    caseStart.push(events.length)
  }
  const eventRows = events.finish()
  const caseRows = Int32Array.from(cases)
  return {
    ...log,
    caseCount: cases.length,
    eventCount: eventRows.length,
    caseIds: cases.map((c) => log.caseIds[c] as string),
    caseStart: Int32Array.from(caseStart),
    activity: pick(log.activity, eventRows),
    timestamp: pick(log.timestamp, eventRows),
    resource: pick(log.resource, eventRows),
    group: pick(log.group, eventRows),
    lifecycle: pick(log.lifecycle, eventRows),
    eventAttributes: pickAttributes(log.eventAttributes, eventRows),
    caseAttributes: pickAttributes(log.caseAttributes, caseRows),
  }
}
