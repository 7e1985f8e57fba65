import { XES_KEYS, findAttribute, type EventLog } from '../log/event-log.js'
import { selectEvents } from '../log/select.js'
import { parseTimestamp } from '../log/timestamp.js'
import { indexVariants } from '../log/variants.js'
import { directlyFollowsGraph } from './dfg.js'

/** Keep the cases of some variants: by rank (0 = most frequent), the top n, or a coverage share. */
export interface VariantFilter {
  readonly kind: 'variant'
  readonly ranks?: readonly number[]
  readonly top?: number
  /** Keep the most frequent variants until they cover at least this share of cases (0–1). */
  readonly coverage?: number
}

/**
 * Keep cases by time: `contained` (start and end inside), `intersecting` (any overlap),
 * `started` (start inside), `completed` (end inside), or `events` (only the events inside).
 */
export interface TimeWindowFilter {
  readonly kind: 'time-window'
  /** ISO 8601 date-times; a bound left out is open. */
  readonly from?: string
  readonly to?: string
  readonly mode: 'contained' | 'intersecting' | 'started' | 'completed' | 'events'
}

/** Keep only the events of activities seen at least `minEvents` times (or `minShare` of events). */
export interface ActivityFrequencyFilter {
  readonly kind: 'activity-frequency'
  readonly minEvents?: number
  readonly minShare?: number
}

/** Keep only the cases whose every directly-follows pair occurs at least `minCount` times. */
export interface PathFrequencyFilter {
  readonly kind: 'path-frequency'
  readonly minCount: number
}

/**
 * Keep by an attribute's value — the department (org:group), staff (org:resource), activity,
 * lifecycle, or a kept event or trace attribute: whole `cases` with a matching event (or trace
 * attribute), or only the matching `events`.
 */
export interface AttributeFilter {
  readonly kind: 'attribute'
  readonly key: string
  readonly values: readonly string[]
  readonly mode: 'cases' | 'events'
}

export type LogFilter =
  VariantFilter | TimeWindowFilter | ActivityFrequencyFilter | PathFrequencyFilter | AttributeFilter

/** Applies the filters in order; each sees the log the previous one left. */
export function applyFilters(log: EventLog, filters: readonly LogFilter[]): EventLog {
  return filters.reduce(applyFilter, log)
}

export function applyFilter(log: EventLog, filter: LogFilter): EventLog {
  switch (filter.kind) {
    case 'variant':
      return filterVariants(log, filter)
    case 'time-window':
      return filterTimeWindow(log, filter)
    case 'activity-frequency':
      return filterActivityFrequency(log, filter)
    case 'path-frequency':
      return filterPathFrequency(log, filter)
    case 'attribute':
      return filterAttribute(log, filter)
  }
}

function filterVariants(log: EventLog, filter: VariantFilter): EventLog {
  const { variants, caseVariant } = indexVariants(log, { maxCaseIds: 0 })
  let keep = variants.length
  if (filter.top !== undefined) keep = Math.min(keep, filter.top)
  if (filter.coverage !== undefined) {
    let covered = 0
    let n = 0
    while (n < variants.length && covered < filter.coverage * log.caseCount) {
      covered += (variants[n] as { count: number }).count
      n++
    }
    keep = Math.min(keep, n)
  }
  const ranks = filter.ranks === undefined ? undefined : new Set(filter.ranks)
  return selectEvents(log, (c) => {
    const rank = caseVariant[c] as number
    return rank < keep && (ranks === undefined || ranks.has(rank))
  })
}

function bound(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback
  const at = parseTimestamp(text)
  if (Number.isNaN(at)) throw new RangeError(`Not an ISO 8601 date-time: ${text}`)
  return at
}

function caseSpan(log: EventLog, c: number): [number, number] {
  let first = Infinity
  let last = -Infinity
  for (let e = log.caseStart[c] as number; e < (log.caseStart[c + 1] as number); e++) {
    const t = log.timestamp[e] as number
    if (Number.isNaN(t)) continue
    if (t < first) first = t
    if (t > last) last = t
  }
  return [first, last]
}

function filterTimeWindow(log: EventLog, filter: TimeWindowFilter): EventLog {
  const from = bound(filter.from, -Infinity)
  const to = bound(filter.to, Infinity)
  const inside = (t: number): boolean => t >= from && t <= to
  const mode = filter.mode
  if (mode === 'events') {
    return selectEvents(
      log,
      () => true,
      (e) => inside(log.timestamp[e] as number),
    )
  }
  return selectEvents(log, (c) => {
    const [first, last] = caseSpan(log, c)
    if (first === Infinity) return false
    switch (mode) {
      case 'contained':
        return inside(first) && inside(last)
      case 'intersecting':
        return first <= to && last >= from
      case 'started':
        return inside(first)
      case 'completed':
        return inside(last)
    }
  })
}

function filterActivityFrequency(log: EventLog, filter: ActivityFrequencyFilter): EventLog {
  const counts = new Int32Array(log.activityNames.length)
  for (let e = 0; e < log.eventCount; e++) {
    const a = log.activity[e] as number
    counts[a] = (counts[a] as number) + 1
  }
  const min = Math.max(filter.minEvents ?? 0, (filter.minShare ?? 0) * log.eventCount)
  return selectEvents(
    log,
    () => true,
    (e) => (counts[log.activity[e] as number] as number) >= min,
  )
}

function filterPathFrequency(log: EventLog, filter: PathFrequencyFilter): EventLog {
  const frequent = new Set<string>()
  for (const edge of directlyFollowsGraph(log).edges) {
    if (edge.count >= filter.minCount) frequent.add(`${edge.from}\u0000${edge.to}`)
  }
  const names = log.activityNames
  return selectEvents(log, (c) => {
    for (let e = (log.caseStart[c] as number) + 1; e < (log.caseStart[c + 1] as number); e++) {
      const pair = `${names[log.activity[e - 1] as number]}\u0000${names[log.activity[e] as number]}`
      if (!frequent.has(pair)) return false
    }
    return true
  })
}

/** The per-event ids and names of an event-level key, or undefined when the log has none. */
function eventColumn(
  log: EventLog,
  key: string,
): { ids: Int32Array; names: readonly string[] } | undefined {
  switch (key) {
    case XES_KEYS.name:
      return { ids: log.activity, names: log.activityNames }
    case XES_KEYS.resource:
      return { ids: log.resource, names: log.resourceNames }
    case XES_KEYS.group:
      return { ids: log.group, names: log.groupNames }
    case XES_KEYS.lifecycle:
      return { ids: log.lifecycle, names: log.lifecycleNames }
    default:
      return findAttribute(log.eventAttributes, key)
  }
}

function matchingIds(names: readonly string[], values: readonly string[]): Uint8Array {
  const wanted = new Set(values)
  return Uint8Array.from(names, (name) => (wanted.has(name) ? 1 : 0))
}

function filterAttribute(log: EventLog, filter: AttributeFilter): EventLog {
  const column = eventColumn(log, filter.key)
  if (column === undefined) {
    const caseColumn = findAttribute(log.caseAttributes, filter.key)
    if (caseColumn === undefined) return selectEvents(log, () => false)
    const match = matchingIds(caseColumn.names, filter.values)
    return selectEvents(log, (c) => match[caseColumn.ids[c] as number] === 1)
  }
  const match = matchingIds(column.names, filter.values)
  const hit = (e: number): boolean => match[column.ids[e] as number] === 1
  if (filter.mode === 'events') return selectEvents(log, () => true, hit)
  return selectEvents(log, (c) => {
    for (let e = log.caseStart[c] as number; e < (log.caseStart[c + 1] as number); e++) {
      if (hit(e)) return true
    }
    return false
  })
}
