import { DEFAULT_READ_OPTIONS, readRows } from './read-rows.js'
import { csvDelimiter } from './read-csv.js'
import type { FileKind, TextEncoding } from './types.js'
import type { FileInput } from './file-input.js'

/** What a file is and its columns, read from its start. */
export interface FileHeader {
  kind: FileKind | null
  encoding: TextEncoding | null
  columns: readonly string[]
  /** The CSV delimiter (detected from the header line); null for other kinds. */
  delimiter: string | null
}

/**
 * Reads a file only as far as its header (and at most its first row): kind, encoding, columns.
 * Throws the InputError readRows would (no header, a malformed one, not a CSV/XLSX/JSONL file).
 */
export async function readHeader(path: FileInput): Promise<FileHeader> {
  const reader = readRows(path)
  const events = reader.rows()[Symbol.asyncIterator]()
  try {
    await events.next()
  } finally {
    await events.return?.(undefined)
  }
  const { kind, encoding, columns } = reader.summary()
  const delimiter =
    kind === 'csv' && encoding !== null
      ? await csvDelimiter(path, encoding, { ...DEFAULT_READ_OPTIONS })
      : null
  return { kind, encoding, columns, delimiter }
}
