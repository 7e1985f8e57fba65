/**
 * Variants of an event log: the distinct activity sequences of its cases, most frequent first.
 * This is the interface the mining algorithms (src/modules/insight/mining, conformance) consume.
 */
import type { EventLog } from './event-log.js'

/** One variant: its activity sequence, how many cases follow it, and (bounded) which. */
export interface Variant {
  readonly activities: readonly string[]
  readonly count: number
  /** Some of the cases following this variant; bounded, so it may hold fewer than `count`. */
  readonly caseIds?: readonly string[]
}

/** The variants and, for every case, the index of its variant in that list. */
export interface VariantIndex {
  readonly variants: readonly Variant[]
  readonly caseVariant: Int32Array
}

export interface VariantOptions {
  /** How many case ids each variant lists (default 10; 0 lists none). */
  readonly maxCaseIds?: number
}

interface Group {
  readonly first: number
  count: number
  readonly cases: number[]
}

/** A string key of a case's activity ids: one UTF-16 unit an id while ids fit in one. */
function caseKey(log: EventLog, c: number, wide: boolean): string {
  const from = log.caseStart[c] as number
  const to = log.caseStart[c + 1] as number
  if (!wide) {
    let key = ''
    for (let e = from; e < to; e++) key += String.fromCharCode(log.activity[e] as number)
    return key
  }
  return Array.from(log.activity.subarray(from, to)).join(',')
}

/** Groups the cases by activity sequence; ties in count keep the order of first appearance. */
export function indexVariants(log: EventLog, options: VariantOptions = {}): VariantIndex {
  const maxCaseIds = options.maxCaseIds ?? 10
  const wide = log.activityNames.length > 0xffff
  const groups = new Map<string, Group>()
  const groupOfCase: Group[] = []
  for (let c = 0; c < log.caseCount; c++) {
    const key = caseKey(log, c, wide)
    let group = groups.get(key)
    if (group === undefined) {
      group = { first: c, count: 0, cases: [] }
      groups.set(key, group)
    }
    group.count++
    if (group.cases.length < maxCaseIds) group.cases.push(c)
    groupOfCase.push(group)
  }
  const ordered = [...groups.values()].sort((a, b) => b.count - a.count || a.first - b.first)
  const rank = new Map<Group, number>()
  ordered.forEach((group, i) => rank.set(group, i))
  const caseVariant = new Int32Array(log.caseCount)
  for (let c = 0; c < log.caseCount; c++)
    caseVariant[c] = rank.get(groupOfCase[c] as Group) as number
  const variants = ordered.map((group) => toVariant(log, group, maxCaseIds))
  return { variants, caseVariant }
}

function toVariant(log: EventLog, group: Group, maxCaseIds: number): Variant {
  const activities = [] as string[]
  const from = log.caseStart[group.first] as number
  const to = log.caseStart[group.first + 1] as number
  for (let e = from; e < to; e++)
    activities.push(log.activityNames[log.activity[e] as number] as string)
  if (maxCaseIds === 0) return { activities, count: group.count }
  return {
    activities,
    count: group.count,
    caseIds: group.cases.map((c) => log.caseIds[c] as string),
  }
}

/** The variants of the log, most frequent first. */
export function computeVariants(log: EventLog, options: VariantOptions = {}): Variant[] {
  return [...indexVariants(log, options).variants]
}
