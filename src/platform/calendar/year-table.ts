import type { DayOverride } from './day-overrides.js'
import { daysInYear, isWeekend, toEpochDay } from './iso-date.js'

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'make_up_workday'

const KINDS: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'make_up_workday']
const KIND_CODES: { readonly [K in DayKind]: number } = {
  workday: 0,
  weekend: 1,
  holiday: 2,
  make_up_workday: 3,
}

/** Precomputed status of every day of one loaded year, indexed by day-of-year (0-based). */
export type YearTable = {
  readonly year: number
  /** Epoch day of 1 January. */
  readonly firstDay: number
  readonly length: number
  readonly kinds: Uint8Array
  /** 1 for a working day, 0 otherwise. */
  readonly working: Uint8Array
  /** cumulative[i] = number of working days in indices 0..i inclusive. */
  readonly cumulative: Uint16Array
}

export function buildYearTable(
  year: number,
  overrides: ReadonlyMap<number, DayOverride>,
): YearTable {
  const firstDay = toEpochDay(year, 1, 1)
  const length = daysInYear(year)
  const kinds = new Uint8Array(length)
  const working = new Uint8Array(length)
  const cumulative = new Uint16Array(length)
  let count = 0
  for (let i = 0; i < length; i++) {
    const kind = kindOf(firstDay + i, overrides)
    kinds[i] = KIND_CODES[kind]
    working[i] = kind === 'workday' || kind === 'make_up_workday' ? 1 : 0
    count += working[i] ?? 0
    cumulative[i] = count
  }
  return { year, firstDay, length, kinds, working, cumulative }
}

function kindOf(epochDay: number, overrides: ReadonlyMap<number, DayOverride>): DayKind {
  const override = overrides.get(epochDay)
  if (override !== undefined) return override.kind
  return isWeekend(epochDay) ? 'weekend' : 'workday'
}

export function dayKindAt(table: YearTable, index: number): DayKind {
  return KINDS[table.kinds[index] ?? 0] ?? 'workday'
}

/** Working days in indices 0..index-1 of the year. */
export function workingBefore(table: YearTable, index: number): number {
  return index <= 0 ? 0 : (table.cumulative[index - 1] ?? 0)
}

export function workingInYear(table: YearTable): number {
  return table.cumulative[table.length - 1] ?? 0
}
