/** Streaming readers for the files a data-governance run takes in: CSV, XLSX and JSON lines. */

/** Reads a file as row and error events in file order; `summary()` counts them afterwards. */
export { readRows, DEFAULT_READ_OPTIONS, type RowReader } from './read-rows.js'
/** Reads a file as far as its header: kind, encoding, columns and (CSV) delimiter. */
export { readHeader, type FileHeader } from './read-header.js'
/** Decides a file's kind (csv, xlsx, jsonl) and text encoding from its first bytes and name. */
export { detectFile, detectKind, detectEncoding, readSample, SAMPLE_BYTES } from './detect.js'
export type { Detected, Sample } from './detect.js'
/** What the readers take: a path, or a source of bytes (e.g. an upload decrypted as it is read). */
export { inputName, inputSize } from './file-input.js'
export type { ByteSource, FileInput } from './file-input.js'
/** A file that cannot be read at all; `zh`/`en` name the file (and the line when known). */
export { InputError, FILE_MESSAGES, ROW_MESSAGES } from './messages.js'
export type { FileMessageCode, RowMessageCode } from './messages.js'
/** Row events, options and the summary of a read. */
export type {
  CellText,
  CsvDelimiter,
  FileKind,
  ReadOptions,
  ReadSummary,
  RowEvent,
  RowReason,
  TextEncoding,
} from './types.js'
