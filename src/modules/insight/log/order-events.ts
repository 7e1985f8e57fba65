/**
 * Puts events read in any order into the log's layout: grouped by case (cases in order of first
 * appearance, events of a case in the order read), then each case flagged as unordered sorted
 * by time. Sorting is stable; an event without a time stays after the event read before it.
 */

export interface ReadOrder {
  readonly caseOf: Int32Array
  readonly caseCount: number
  readonly timestamp: Float64Array
  readonly unordered: ReadonlySet<number>
}

export interface Ordered {
  readonly caseStart: Int32Array
  readonly timestamp: Float64Array
  readonly columns: Int32Array[]
  readonly attributeIds: Int32Array[]
}

function caseStarts(caseOf: Int32Array, caseCount: number): Int32Array {
  const start = new Int32Array(caseCount + 1)
  for (let e = 0; e < caseOf.length; e++) {
    const slot = (caseOf[e] as number) + 1
    start[slot] = (start[slot] as number) + 1
  }
  for (let c = 0; c < caseCount; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number)
  return start
}

function isGrouped(caseOf: Int32Array): boolean {
  for (let e = 1; e < caseOf.length; e++)
    if ((caseOf[e] as number) < (caseOf[e - 1] as number)) return false
  return true
}

function groupingPermutation(caseOf: Int32Array, caseStart: Int32Array): Int32Array {
  const next = caseStart.slice(0, caseStart.length - 1)
  const perm = new Int32Array(caseOf.length)
  for (let e = 0; e < caseOf.length; e++) {
    const c = caseOf[e] as number
    const at = next[c] as number
    perm[at] = e
    next[c] = at + 1
  }
  return perm
}

function sortCaseByTime(perm: Int32Array, from: number, to: number, time: Float64Array): void {
  const keyed: Array<{ event: number; key: number; position: number }> = []
  let carried = -Infinity
  for (let p = from; p < to; p++) {
    const event = perm[p] as number
    const t = time[event] as number
    if (!Number.isNaN(t)) carried = t
    keyed.push({ event, key: carried, position: p })
  }
  keyed.sort((a, b) => a.key - b.key || a.position - b.position)
  for (let i = 0; i < keyed.length; i++) perm[from + i] = (keyed[i] as { event: number }).event
}

function permuteInt(column: Int32Array, perm: Int32Array): Int32Array {
  const out = new Int32Array(perm.length)
  for (let i = 0; i < perm.length; i++) out[i] = column[perm[i] as number] as number
  return out
}

function permuteFloat(column: Float64Array, perm: Int32Array): Float64Array {
  const out = new Float64Array(perm.length)
  for (let i = 0; i < perm.length; i++) out[i] = column[perm[i] as number] as number
  return out
}

export function orderEvents(
  read: ReadOrder,
  columns: Int32Array[],
  attributeIds: Int32Array[],
): Ordered {
  const caseStart = caseStarts(read.caseOf, read.caseCount)
  const grouped = isGrouped(read.caseOf)
  if (grouped && read.unordered.size === 0) {
    return { caseStart, timestamp: read.timestamp, columns, attributeIds }
  }
  let perm: Int32Array
  if (grouped) {
    perm = new Int32Array(read.caseOf.length)
    for (let i = 0; i < perm.length; i++) perm[i] = i
  } else perm = groupingPermutation(read.caseOf, caseStart)
  for (const c of read.unordered) {
    sortCaseByTime(perm, caseStart[c] as number, caseStart[c + 1] as number, read.timestamp)
  }
  return {
    caseStart,
    timestamp: permuteFloat(read.timestamp, perm),
    columns: columns.map((column) => permuteInt(column, perm)),
    attributeIds: attributeIds.map((ids) => permuteInt(ids, perm)),
  }
}
