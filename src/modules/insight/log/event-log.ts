/**
 * A columnar event log: one typed-array slot per event instead of one object, so ten million
 * events fit in a few hundred megabytes. Events are grouped by case, in time order within a
 * case: the events of case c are the indices caseStart[c] … caseStart[c + 1] - 1.
 * Strings (activities, resources, groups, lifecycle transitions, attribute values) are interned:
 * a column holds ids into its names, -1 where the event has none.
 */

/** XES attribute types (IEEE 1849-2016 §5), kept so an export writes what was read. */
export type XesAttributeType = 'string' | 'date' | 'int' | 'float' | 'boolean' | 'id'

/** A kept attribute of events (or cases): its values interned, one id per event (or case). */
export interface AttributeColumn {
  readonly key: string
  readonly type: XesAttributeType
  readonly names: readonly string[]
  readonly ids: Int32Array
}

/** A log-level attribute with its nested attributes (XES headers carry their statistics so). */
export interface LogAttribute {
  readonly key: string
  readonly type: string
  readonly value: string
  readonly children: readonly LogAttribute[]
}

export interface EventLog {
  readonly caseCount: number
  readonly eventCount: number
  /** Case ids (XES trace concept:name), by case index. */
  readonly caseIds: readonly string[]
  /** caseCount + 1 offsets into the event columns. */
  readonly caseStart: Int32Array
  readonly activityNames: readonly string[]
  readonly activity: Int32Array
  /** Epoch milliseconds; NaN when the event has no (readable) timestamp. */
  readonly timestamp: Float64Array
  /** org:resource — the staff member. */
  readonly resourceNames: readonly string[]
  readonly resource: Int32Array
  /** org:group — the department. */
  readonly groupNames: readonly string[]
  readonly group: Int32Array
  /** lifecycle:transition (start, complete, …). */
  readonly lifecycleNames: readonly string[]
  readonly lifecycle: Int32Array
  readonly eventAttributes: readonly AttributeColumn[]
  readonly caseAttributes: readonly AttributeColumn[]
  readonly logAttributes: readonly LogAttribute[]
}

/** Standard XES keys the log keeps in its own columns. */
export const XES_KEYS = {
  name: 'concept:name',
  timestamp: 'time:timestamp',
  resource: 'org:resource',
  group: 'org:group',
  lifecycle: 'lifecycle:transition',
} as const

/** Number of events of case `c`. */
export function caseLength(log: EventLog, c: number): number {
  return (log.caseStart[c + 1] as number) - (log.caseStart[c] as number)
}

/** The case index of every event (built on demand: 4 bytes an event). */
export function caseOfEvents(log: EventLog): Int32Array {
  const out = new Int32Array(log.eventCount)
  for (let c = 0; c < log.caseCount; c++) {
    out.fill(c, log.caseStart[c], log.caseStart[c + 1])
  }
  return out
}

/** The activity names of case `c`, in order. */
export function caseActivities(log: EventLog, c: number): string[] {
  const out: string[] = []
  for (let e = log.caseStart[c] as number; e < (log.caseStart[c + 1] as number); e++) {
    out.push(log.activityNames[log.activity[e] as number] as string)
  }
  return out
}

/** Attribute column by key, among events' or cases' kept attributes. */
export function findAttribute(
  columns: readonly AttributeColumn[],
  key: string,
): AttributeColumn | undefined {
  return columns.find((column) => column.key === key)
}
