import iconv from 'iconv-lite'
import type { CsvChunk } from './csv-chunks.js'
import { createCsvRecords, type ErrorEvent } from './csv-records.js'
import { iconvName } from './detect.js'
import { rowEvent } from './read-csv.js'
import type { TextEncoding } from './types.js'

/** How to read the chunks of one CSV file; the header was read (and checked) beforehand. */
export interface CsvPartSetup {
  delimiter: string
  trim: boolean
  encoding: TextEncoding
  maxRecordChars: number
  maxRecordLines: number
  /** The header's column names. */
  columns: readonly string[]
}

/**
 * Why a chunk cannot be read on its own, so the file is read in one pass instead: a quoted
 * field runs past the chunk's end, the line count differs from its \n count (lone \r breaks),
 * or the first chunk's header is not a clean record.
 */
export type CsvPartProblem = 'open_quote' | 'line_breaks' | 'header'

// Decoded text goes to the record splitter in pieces of this many characters.
const PIECE_CHARS = 64 * 1024

/** Where a chunk's rows go: a record with the header's column count as its raw fields, or an error. */
export interface CsvPartSink {
  row(line: number, fields: readonly string[]): void
  error(event: ErrorEvent): void
}

/**
 * Reads the rows of one chunk of a CSV file as readRows would read them there (a row's fields
 * untrimmed: `cellText` makes them a row event's values); returns null, or the problem that
 * makes the chunk unreadable on its own.
 */
export function readCsvPart(
  chunk: CsvChunk,
  setup: CsvPartSetup,
  sink: CsvPartSink,
): CsvPartProblem | null {
  const { delimiter, trim, columns } = setup
  const decoder = iconv.getDecoder(iconvName(setup.encoding))
  let text = decoder.write(
    Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.length),
  )
  text += decoder.end() ?? ''
  if (chunk.first) text = text.replace(/^\uFEFF/, '')
  let header = chunk.first
  let problem: CsvPartProblem | null = null
  const records = createCsvRecords(
    { ...setup, firstLine: chunk.firstLine },
    {
      record(line, fields) {
        if (header) header = false
        else if (fields.length === columns.length) sink.row(line, fields)
        else sink.error(rowEvent(fields, columns, line, delimiter, trim) as ErrorEvent)
      },
      refused(error) {
        if (header) problem = 'header'
        else sink.error(error)
      },
    },
  )
  for (let at = 0; at < text.length && problem === null; at += PIECE_CHARS) {
    records.push(text.slice(at, at + PIECE_CHARS))
  }
  if (problem !== null) return problem
  if (chunk.last) {
    records.end()
    return problem
  }
  if (records.open) return 'open_quote'
  return records.lastLine - chunk.firstLine + 1 === chunk.breaks ? null : 'line_breaks'
}
