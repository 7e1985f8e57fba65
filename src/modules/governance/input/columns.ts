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
  const record: Record<string, CellText> = {}
  for (let i = 0; i < columns.length; i++) setOwn(record, columns[i] as string, values[i] ?? null)
  return record
}

/** Raw cell texts as a record: trimmed when asked, empty → null. */
export function cellRecord(
  columns: readonly string[],
  texts: readonly string[],
  trim: boolean,
): Record<string, CellText> {
  const record: Record<string, CellText> = {}
  for (let i = 0; i < columns.length; i++) {
    setOwn(record, columns[i] as string, cellText(texts[i] ?? '', trim))
  }
  return record
}

function setOwn(record: Record<string, CellText>, name: string, value: CellText): void {
  // Assigning `__proto__` would set the prototype instead of adding the column.
  if (name === '__proto__') {
    Object.defineProperty(record, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  } else record[name] = value
}
