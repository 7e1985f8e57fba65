import { known, yearNotLoaded, type Answer } from './answers.js'
import { yearOfEpochDay } from './iso-date.js'
import { workingBefore, workingInYear, type YearTable } from './year-table.js'

export type TableLookup = ReadonlyMap<number, YearTable>

/**
 * Epoch day of the nth (n ≥ 1) working day on or after `fromDay`.
 * Whole years are skipped using their working-day totals; within the final year the scan
 * walks a Uint8Array, so the cost is O(days scanned) with no allocation.
 */
export function nthWorkingDayFrom(
  tables: TableLookup,
  fromDay: number,
  nth: number,
): Answer<number> {
  let remaining = nth
  let year = yearOfEpochDay(fromDay)
  let table = tables.get(year)
  if (table === undefined) return yearNotLoaded(year)
  let index = fromDay - table.firstDay
  for (;;) {
    const available = workingInYear(table) - workingBefore(table, index)
    if (remaining <= available) return known(table.firstDay + scanYear(table, index, remaining))
    remaining -= available
    year += 1
    index = 0
    table = tables.get(year)
    if (table === undefined) return yearNotLoaded(year)
  }
}

/** Index of the `remaining`-th working day at or after `index`; caller guarantees it exists. */
function scanYear(table: YearTable, index: number, remaining: number): number {
  let left = remaining
  let i = index
  for (; i < table.length; i++) {
    if (table.working[i] === 1) {
      left -= 1
      if (left === 0) break
    }
  }
  return i
}

/** Number of working days in the inclusive range [first, last]; 0 when first > last. */
export function countWorkingDays(tables: TableLookup, first: number, last: number): Answer<number> {
  if (first > last) return known(0)
  const lastYear = yearOfEpochDay(last)
  let total = 0
  for (let year = yearOfEpochDay(first); year <= lastYear; year++) {
    const table = tables.get(year)
    if (table === undefined) return yearNotLoaded(year)
    const start = Math.max(first, table.firstDay) - table.firstDay
    const end = Math.min(last - table.firstDay, table.length - 1)
    total += workingBefore(table, end + 1) - workingBefore(table, start)
  }
  return known(total)
}
