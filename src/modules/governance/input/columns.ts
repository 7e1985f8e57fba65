import type { CellText } from './types.js'

/** Header cells to column names: trimmed, a blank one named `column_N`, a repeated one suffixed `_2`, `_3`… */
export function columnNames(header: readonly CellText[]): string[] {
  const used = new Set<string>()
  return header.map((cell, i) => {
    const base = (cell ?? '').replace(/^\uFEFF/, '').trim() || `column_${i + 1}`
    let name = base
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`
    used.add(name)
    return name
  })
}

/** A value as the readers return it: trimmed when asked, null when empty. */
export function cellText(value: string, trim: boolean): CellText {
  const text = trim ? value.trim() : value
  return text === '' ? null : text
}

/** Pairs column names with values; own properties even for names like `__proto__`. */
export function toRecord(
  columns: readonly string[],
  values: readonly CellText[],
): Record<string, CellText> {
  return Object.fromEntries(columns.map((name, i) => [name, values[i] ?? null]))
}
