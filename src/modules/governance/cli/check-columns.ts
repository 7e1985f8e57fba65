import type { DataStandard } from '../standards/index.js'

/** Which column holds each element, and the elements no column holds. */
export interface ColumnMatch {
  /** Element key → column name, for createQualityRun's `columns`. */
  columns: Record<string, string>
  missing: string[]
}

/**
 * Matches a file's header to a standard's elements: a column named by the element's key
 * (`id_number`) or by its Chinese name (`公民身份号码`). With no header known yet (JSON lines
 * before the first row), keys are assumed.
 */
export function matchColumns(standard: DataStandard, header: readonly string[]): ColumnMatch {
  const present = new Set(header)
  const columns: Record<string, string> = {}
  const missing: string[] = []
  for (const { key, name } of standard.elements) {
    const column = [key, name.zh].find((candidate) => present.has(candidate))
    if (column !== undefined) columns[key] = column
    else if (header.length === 0) columns[key] = key
    else missing.push(key)
  }
  return { columns, missing }
}
