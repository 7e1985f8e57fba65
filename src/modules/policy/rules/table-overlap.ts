import type { CompiledFeelExpression } from '../../../platform/feel/index.js'
import type { CompiledCell, CompiledDecisionTable } from './compile-table.js'
import { feelDate, isIsoDate, neighbouringFeelDates } from './fact-values.js'
import type { FactType } from './policy.types.js'

/** Two rules of a UNIQUE table that match the same input; `witness` is one such input. */
export type TableOverlap = { rules: readonly [number, number]; witness: readonly unknown[] }

/**
 * Finds rule pairs of a UNIQUE table that can match the same input, by probing each column's
 * entries with the values where their outcome can change: every literal in the column, the
 * midpoints between numeric literals and one beyond each end, the days around each date, and
 * one string unlike any literal. Interval, comparison, list and `not(…)` tests over literals
 * change outcome only at their literals, so for them this finds every overlap; a witness is a
 * real common input, so nothing is reported that cannot happen. Entries that read other
 * variables are not analysed. `inputTypes` (from declared facts) narrows the probes. In a
 * witness, null stands for "any value" (a column of `-` only).
 */
export function findTableOverlaps(
  table: CompiledDecisionTable,
  inputTypes: readonly (FactType | undefined)[] = [],
): TableOverlap[] {
  if (table.hitPolicy !== 'UNIQUE') return []
  const columns = table.inputs.map((_, j) => probeColumn(table, j, inputTypes[j]))
  const overlaps: TableOverlap[] = []
  const rules = table.rules
  for (let a = 0; a < rules.length; a++) {
    for (let b = a + 1; b < rules.length; b++) {
      const witness = commonInput(columns, a, b)
      if (witness !== null)
        overlaps.push({ rules: [rules[a]?.index ?? a, rules[b]?.index ?? b], witness })
    }
  }
  return overlaps
}

type Column = {
  readonly probes: readonly unknown[]
  readonly matches: readonly (boolean[] | null)[]
}

function commonInput(columns: readonly Column[], a: number, b: number): unknown[] | null {
  const witness: unknown[] = []
  for (const column of columns) {
    const left = column.matches[a]
    const right = column.matches[b]
    if (left === null || right === null || left === undefined || right === undefined) return null
    const shared = left.findIndex((hit, p) => hit && right[p] === true)
    if (shared === -1) return null
    witness.push(column.probes[shared])
  }
  return witness
}

function probeColumn(table: CompiledDecisionTable, j: number, type: FactType | undefined): Column {
  const cells = table.rules.map((rule) => rule.cells[j])
  const probes = probesFor(cells, type)
  const matches = cells.map((cell) => {
    if (cell === undefined) return null
    if (cell.wildcard) return probes.map(() => true)
    if (cell.facts.length > 0 || cell.decisions.length > 0) return null
    return probes.map((probe) => matchesProbe(cell.compiled, probe))
  })
  return { probes, matches }
}

/** Compiled closures only: an input they defer on (mixed types) is not a match. */
function matchesProbe(test: CompiledFeelExpression, probe: unknown): boolean {
  const result = test.tryEvaluate({ '?': probe })
  return result?.ok === true && result.value === true
}

function probesFor(
  cells: readonly (CompiledCell | undefined)[],
  type: FactType | undefined,
): unknown[] {
  const sources = cells.flatMap((cell) =>
    cell === undefined || cell.wildcard ? [] : [cell.source],
  )
  const strings = sources.flatMap(stringLiterals)
  const dates = strings.filter(isIsoDate)
  const numbers = sources.flatMap(numberLiterals)
  const probes: unknown[] = []
  if (type === undefined || type === 'number') probes.push(...numberProbes(numbers))
  if (type === undefined || type === 'string' || type === 'list-of-string')
    probes.push(...stringProbes(strings))
  if (type === undefined || type === 'date') probes.push(...dateProbes(dates))
  if (type === undefined || type === 'boolean') {
    if (type === 'boolean' || sources.some((source) => /\b(true|false)\b/.test(source)))
      probes.push(true, false)
  }
  return probes.length > 0 ? probes : [null]
}

function stringLiterals(source: string): string[] {
  return [...source.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) =>
    (match[1] ?? '').replace(/\\(.)/g, '$1'),
  )
}

/** Numeric literals with their sign (`< -3`); a spurious one (`a-5`) only adds a probe. */
function numberLiterals(source: string): number[] {
  const outsideStrings = source.replace(/"(?:[^"\\]|\\.)*"/g, '""')
  return [...outsideStrings.matchAll(/-?\d+(?:\.\d+)?/g)].map((match) => Number(match[0]))
}

function numberProbes(numbers: readonly number[]): number[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b)
  if (sorted.length === 0) return []
  const probes = [(sorted[0] ?? 0) - 1]
  sorted.forEach((n, i) => {
    probes.push(n)
    const next = sorted[i + 1]
    probes.push(next === undefined ? n + 1 : (n + next) / 2)
  })
  return probes
}

function stringProbes(strings: readonly string[]): string[] {
  if (strings.length === 0) return []
  const distinct = [...new Set(strings)]
  let other = '\u0000other'
  while (distinct.includes(other)) other += '\u0000'
  return [...distinct, other]
}

function dateProbes(dates: readonly string[]): unknown[] {
  return [...new Set(dates)].flatMap((iso) => [feelDate(iso), ...neighbouringFeelDates(iso)])
}
