import { detectFile } from './detect.js'
import { readCsv } from './read-csv.js'
import { readJsonLines } from './read-jsonl.js'
import { inputName } from './file-input.js'
import type { FileInput } from './file-input.js'
import type {
  FileKind,
  ReadOptions,
  ReadSummary,
  ResolvedOptions,
  RowEvent,
  TextEncoding,
} from './types.js'

/** A streaming read of one file: iterate it (or `rows()`) once, then ask for its `summary()`. */
export interface RowReader extends AsyncIterable<RowEvent> {
  /** The row and error events in file order; a file that cannot be read at all throws an InputError. */
  rows(): AsyncIterable<RowEvent>
  /** Counts and facts so far; `complete` is true once the last event has been read. */
  summary(): ReadSummary
}

export const DEFAULT_READ_OPTIONS = {
  trim: true,
  maxRecordChars: 1_000_000,
  maxRecordLines: 100,
} as const satisfies Partial<ResolvedOptions>

function resolveOptions(options: ReadOptions): ResolvedOptions {
  return {
    ...options,
    trim: options.trim ?? DEFAULT_READ_OPTIONS.trim,
    maxRecordChars: Math.max(1, options.maxRecordChars ?? DEFAULT_READ_OPTIONS.maxRecordChars),
    maxRecordLines: Math.max(1, options.maxRecordLines ?? DEFAULT_READ_OPTIONS.maxRecordLines),
  }
}

interface Progress {
  kind: FileKind | null
  encoding: TextEncoding | null
  columns: readonly string[]
  rows: number
  errors: number
  bytesRead: number
  complete: boolean
}

async function* readEvents(
  path: FileInput,
  options: ResolvedOptions,
  progress: Progress,
): AsyncGenerator<RowEvent> {
  const { kind, encoding } = await detectFile(path, options.encoding)
  progress.kind = kind
  progress.encoding = encoding
  const onColumns = (columns: readonly string[]): void => {
    progress.columns = columns
  }
  const onBytes = (bytesRead: number): void => {
    progress.bytesRead = bytesRead
  }
  const events =
    encoding === null
      ? // exceljs is large (~25 MB loaded): only a workbook loads it.
        (await import('./read-xlsx.js')).readXlsx(path, options, onColumns, onBytes)
      : kind === 'jsonl'
        ? readJsonLines(path, encoding, options, onColumns, onBytes)
        : readCsv(path, encoding, options, onColumns, onBytes)
  for await (const event of events) {
    if (event.kind === 'row') progress.rows++
    else progress.errors++
    yield event
  }
  progress.complete = true
}

/**
 * Reads a CSV (UTF-8/UTF-16/GBK, delimiter detected), XLSX or JSON-lines file as a stream of
 * row events in bounded memory; a malformed row is an error event and the read goes on.
 */
export function readRows(path: FileInput, options: ReadOptions = {}): RowReader {
  const resolved = resolveOptions(options)
  const progress: Progress = {
    kind: null,
    encoding: null,
    columns: [],
    rows: 0,
    errors: 0,
    bytesRead: 0,
    complete: false,
  }
  let started = false
  const rows = (): AsyncGenerator<RowEvent> => {
    if (started) throw new Error('readRows: the rows of a reader can be iterated only once')
    started = true
    return readEvents(path, resolved, progress)
  }
  return {
    rows,
    [Symbol.asyncIterator]: () => rows(),
    summary: () => ({ file: inputName(path), ...progress, columns: [...progress.columns] }),
  }
}
