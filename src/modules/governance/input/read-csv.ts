import { pipeline, Readable } from 'node:stream'
import { parse, type Parser } from 'csv-parse'
import { cellText, columnNames, toRecord } from './columns.js'
import { createFramer, preview, type Framed } from './csv-framer.js'
import { detectDelimiter } from './csv-scan.js'
import { readLines, type PhysicalLine } from './lines.js'
import { InputError, rowReason } from './messages.js'
import type { ResolvedOptions, RowEvent, TextEncoding } from './types.js'

type ErrorEvent = Extract<RowEvent, { kind: 'error' }>

/** Text handed to csv-parse in chunks of about this many characters. */
const BATCH_CHARS = 64 * 1024

async function firstLine(path: string, encoding: TextEncoding, max: number) {
  for await (const physical of readLines(path, encoding, max)) {
    if (physical.overlong || physical.text.trim() !== '') return physical
  }
  return null
}

/**
 * Frames the file's lines into records and prefixes each with its line number as an extra first
 * field, so csv-parse's records carry their own line; refused records go to `refused`, in order.
 */
async function* framedText(
  lines: AsyncIterable<PhysicalLine>,
  framer: ReturnType<typeof createFramer>,
  delimiter: string,
  refused: ErrorEvent[],
): AsyncGenerator<string> {
  let batch = ''
  const take = (items: Framed[]): void => {
    for (const item of items) {
      if (item.kind === 'record') batch += `${item.line}${delimiter}${item.text}\n`
      else refused.push({ kind: 'error', line: item.line, reason: item.reason, raw: item.raw })
    }
  }
  for await (const physical of lines) {
    take(framer.push(physical))
    if (batch.length >= BATCH_CHARS) {
      yield batch
      batch = ''
    }
  }
  take(framer.end())
  if (batch !== '') yield batch
}

function* refusedBefore(refused: ErrorEvent[], line: number): Generator<ErrorEvent> {
  while (refused.length > 0 && (refused[0] as ErrorEvent).line < line)
    yield refused.shift() as ErrorEvent
}

function createParser(delimiter: string, trim: boolean): Parser {
  return parse({
    delimiter,
    record_delimiter: '\n',
    quote: '"',
    escape: '"',
    bom: false,
    trim,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
  })
}

function rowEvent(
  fields: string[],
  columns: string[],
  line: number,
  delimiter: string,
  trim: boolean,
): RowEvent {
  const values = fields.slice(1)
  if (values.length !== columns.length) {
    const reason = rowReason('GOVERNANCE_INPUT_COLUMN_COUNT', {
      actual: values.length,
      expected: columns.length,
    })
    return { kind: 'error', line, reason, raw: preview(values.join(delimiter)) }
  }
  return {
    kind: 'row',
    line,
    record: toRecord(
      columns,
      values.map((v) => cellText(v, trim)),
    ),
  }
}

function badHeader(path: string, error: ErrorEvent): InputError {
  const { zh, en } = error.reason
  return new InputError('GOVERNANCE_INPUT_BAD_HEADER', path, error.line, { detail: { zh, en } })
}

/** Reads a CSV file as row events; the header row names the columns (reported via `onColumns`). */
export async function* readCsv(
  path: string,
  encoding: TextEncoding,
  options: ResolvedOptions,
  onColumns: (columns: readonly string[]) => void,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<RowEvent> {
  const header = await firstLine(path, encoding, options.maxRecordChars)
  if (header === null) throw new InputError('GOVERNANCE_INPUT_NO_HEADER', path)
  const delimiter = options.delimiter ?? detectDelimiter(header.text)
  const { trim, maxRecordChars, maxRecordLines } = options
  const framer = createFramer({ delimiter, trim, encoding, maxRecordChars, maxRecordLines })
  const refused: ErrorEvent[] = []
  const lines = readLines(path, encoding, maxRecordChars, onBytes)
  const parser = createParser(delimiter, trim)
  pipeline(Readable.from(framedText(lines, framer, delimiter, refused)), parser, () => {})
  let columns: string[] | null = null
  let line = header.line
  try {
    // Without `columns`, `cast` or `info`, csv-parse emits each record as an array of strings.
    for await (const fields of parser as AsyncIterable<string[]>) {
      line = Number(fields[0])
      if (columns === null) {
        const early = refused[0]
        if (early !== undefined && early.line < line) throw badHeader(path, early)
        columns = columnNames(fields.slice(1))
        onColumns(columns)
        continue
      }
      yield* refusedBefore(refused, line)
      yield rowEvent(fields, columns, line, delimiter, trim)
    }
  } catch (error) {
    if (error instanceof InputError) throw error
    const detail = error instanceof Error ? error.message : String(error)
    throw new InputError('GOVERNANCE_INPUT_PARSE_FAILED', path, line, { detail })
  }
  if (columns === null) {
    const early = refused[0]
    throw early ? badHeader(path, early) : new InputError('GOVERNANCE_INPUT_NO_HEADER', path)
  }
  yield* refusedBefore(refused, Infinity)
}
