import { cellText, toRecord } from './columns.js'
import { preview } from './csv-framer.js'
import { readLines, type PhysicalLine } from './lines.js'
import { rowReason } from './messages.js'
import type { CellText, ResolvedOptions, RowEvent, TextEncoding } from './types.js'
import type { FileInput } from './file-input.js'

/** A JSON value as cell text: strings as they are, other scalars printed, objects and arrays as JSON. */
export function jsonCellText(value: unknown, trim: boolean): CellText {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return cellText(value, trim)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

interface Columns {
  names: string[]
  seen: Set<string>
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function lineEvent(
  physical: PhysicalLine,
  options: ResolvedOptions,
  encoding: TextEncoding,
  columns: Columns,
): RowEvent {
  const { line, text } = physical
  const fail = (reason: ReturnType<typeof rowReason>): RowEvent => ({
    kind: 'error',
    line,
    reason,
    raw: preview(text),
  })
  if (physical.overlong) {
    return fail(rowReason('GOVERNANCE_INPUT_RECORD_TOO_LONG', { max: options.maxRecordChars }))
  }
  if (text.includes('\uFFFD')) return fail(rowReason('GOVERNANCE_INPUT_UNDECODABLE', { encoding }))
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return fail(rowReason('GOVERNANCE_INPUT_BAD_JSON', { detail }))
  }
  if (!isPlainObject(value)) return fail(rowReason('GOVERNANCE_INPUT_NOT_OBJECT'))
  const keys = Object.keys(value)
  for (const key of keys) {
    if (columns.seen.has(key)) continue
    columns.seen.add(key)
    columns.names.push(key)
  }
  const values = keys.map((key) => jsonCellText(value[key], options.trim))
  return { kind: 'row', line, record: toRecord(keys, values) }
}

/**
 * Reads a JSON-lines file as row events, one object per line (blank lines are skipped). The
 * columns are the keys in the order first seen; a row holds only the keys its line has.
 */
export async function* readJsonLines(
  path: FileInput,
  encoding: TextEncoding,
  options: ResolvedOptions,
  onColumns: (columns: readonly string[]) => void,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<RowEvent> {
  const columns: Columns = { names: [], seen: new Set() }
  onColumns(columns.names)
  for await (const physical of readLines(path, encoding, options.maxRecordChars, onBytes)) {
    if (!physical.overlong && physical.text.trim() === '') continue
    yield lineEvent(physical, options, encoding, columns)
  }
}
