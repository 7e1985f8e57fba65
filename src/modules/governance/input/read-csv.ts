import { cellRecord, cellText, columnNames } from './columns.js'
import { preview } from './csv-framer.js'
import { createCsvRecords, type ErrorEvent } from './csv-records.js'
import { detectDelimiter } from './csv-scan.js'
import { inputName } from './file-input.js'
import type { FileInput } from './file-input.js'
import { readLines, readText } from './lines.js'
import { InputError, rowReason } from './messages.js'
import type { ResolvedOptions, RowEvent, TextEncoding } from './types.js'

async function firstLine(path: FileInput, encoding: TextEncoding, max: number) {
  for await (const physical of readLines(path, encoding, max)) {
    if (physical.overlong || physical.text.trim() !== '') return physical
  }
  return null
}

/** A record's fields as a row of the header's columns, or an error when the count differs. */
export function rowEvent(
  fields: readonly string[],
  columns: readonly string[],
  line: number,
  delimiter: string,
  trim: boolean,
): RowEvent {
  if (fields.length !== columns.length) {
    const reason = rowReason('GOVERNANCE_INPUT_COLUMN_COUNT', {
      actual: fields.length,
      expected: columns.length,
    })
    return { kind: 'error', line, reason, raw: preview(fields.join(delimiter)) }
  }
  return { kind: 'row', line, record: cellRecord(columns, fields, trim) }
}

export function badHeader(path: string, error: ErrorEvent): InputError {
  const { zh, en } = error.reason
  return new InputError('GOVERNANCE_INPUT_BAD_HEADER', path, error.line, { detail: { zh, en } })
}

/** The delimiter: the one asked for, or the likeliest in the first non-blank line. */
export async function csvDelimiter(
  path: FileInput,
  encoding: TextEncoding,
  options: ResolvedOptions,
): Promise<string> {
  const header = await firstLine(path, encoding, options.maxRecordChars)
  if (header === null) throw new InputError('GOVERNANCE_INPUT_NO_HEADER', inputName(path))
  return options.delimiter ?? detectDelimiter(header.text)
}

/** Reads a CSV file as row events; the header row names the columns (reported via `onColumns`). */
export async function* readCsv(
  path: FileInput,
  encoding: TextEncoding,
  options: ResolvedOptions,
  onColumns: (columns: readonly string[]) => void,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<RowEvent> {
  const delimiter = await csvDelimiter(path, encoding, options)
  const { trim, maxRecordChars, maxRecordLines } = options
  let columns: string[] | null = null
  const pending: RowEvent[] = []
  const records = createCsvRecords(
    { delimiter, trim, encoding, maxRecordChars, maxRecordLines },
    {
      record(line, fields) {
        if (columns !== null) pending.push(rowEvent(fields, columns, line, delimiter, trim))
        else {
          columns = columnNames(fields.map((field) => cellText(field, true)))
          onColumns(columns)
        }
      },
      refused(error) {
        // A record refused before the header is read means the header itself is malformed.
        if (columns === null) throw badHeader(inputName(path), error)
        pending.push(error)
      },
    },
  )
  for await (const text of readText(path, encoding, onBytes)) {
    records.push(text)
    yield* pending.splice(0)
  }
  records.end()
  yield* pending.splice(0)
  if (columns === null) throw new InputError('GOVERNANCE_INPUT_NO_HEADER', inputName(path))
}
