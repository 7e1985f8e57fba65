/** What kind of file a reader was given, decided from its first bytes and its name. */
export type FileKind = 'csv' | 'xlsx' | 'jsonl'

/** Text encodings the readers decode; `gb18030` is the superset of GBK that Chinese Excel exports use. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

/** Delimiters a CSV header may use; detected unless given. */
export type CsvDelimiter = ',' | '\t' | ';' | '|'

/** Why a row was refused, in both languages; `code` is stable for reports and tests. */
export interface RowReason {
  code: string
  zh: string
  en: string
}

/** A value read from a cell: text, or null when the cell is empty. */
export type CellText = string | null

/** One event of a read: a row keyed by column, or a refused row; `line` is 1-based and counts the header. */
export type RowEvent =
  | { kind: 'row'; line: number; record: Record<string, CellText> }
  | { kind: 'error'; line: number; reason: RowReason; raw?: string }

export interface ReadOptions {
  /** Trim whitespace around every value (default true); an empty value is always null. */
  trim?: boolean
  /** Use this CSV delimiter instead of detecting it from the header line. */
  delimiter?: CsvDelimiter
  /** Use this encoding instead of detecting it (CSV and JSON lines). */
  encoding?: TextEncoding
  /** XLSX: the sheet to read by name (default: the first sheet). */
  sheet?: string
  /** Longest record in characters; a longer one is refused as an error (default 1,000,000). */
  maxRecordChars?: number
  /** Most physical lines one quoted CSV field may span before it counts as an unclosed quote (default 100). */
  maxRecordLines?: number
}

/** Options with every default filled in. */
export type ResolvedOptions = Required<Omit<ReadOptions, 'delimiter' | 'encoding' | 'sheet'>> &
  Pick<ReadOptions, 'delimiter' | 'encoding' | 'sheet'>

/** Counts and facts of a read; `complete` turns true once the last row has been read. */
export interface ReadSummary {
  file: string
  kind: FileKind | null
  encoding: TextEncoding | null
  columns: readonly string[]
  rows: number
  errors: number
  /** Bytes of the file read so far (of the compressed workbook for XLSX), for progress. */
  bytesRead: number
  complete: boolean
}
