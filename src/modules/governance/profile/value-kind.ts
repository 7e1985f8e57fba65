/** What a single non-empty value looks like. */
export type ValueKind = 'integer' | 'decimal' | 'date' | 'text'

/** What a column holds: the kind most of its non-empty values share, or 'empty'. */
export type ColumnType = ValueKind | 'empty'

export type KindCounts = Record<ValueKind, number>

// Leading zeros and more than 15 digits mean a code (01, an ID number), not a quantity:
// beyond 15 digits a double no longer holds every integer exactly.
const INTEGER = /^[+-]?(?:0|[1-9]\d{0,14})$/
const DECIMAL = /^[+-]?(?:0|[1-9]\d{0,14})\.\d+$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function classifyValue(value: string): ValueKind {
  if (INTEGER.test(value)) return 'integer'
  if (DECIMAL.test(value)) return 'decimal'
  return isIsoDate(value) ? 'date' : 'text'
}

/** YYYY-MM-DD naming a day that exists (no 2023-02-29). */
export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year > 0
}

/**
 * The column type: integer when at least `threshold` of the non-empty values are integers,
 * decimal when integers and decimals together reach it, then date; text otherwise.
 */
export function inferColumnType(counts: KindCounts, threshold: number): ColumnType {
  const total = counts.integer + counts.decimal + counts.date + counts.text
  if (total === 0) return 'empty'
  if (counts.integer >= threshold * total) return 'integer'
  if (counts.integer + counts.decimal >= threshold * total) return 'decimal'
  return counts.date >= threshold * total ? 'date' : 'text'
}
