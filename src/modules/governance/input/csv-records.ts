import { createFramer, type Framed, type FramerOptions } from './csv-framer.js'
import { hasQuote, splitRecord } from './csv-scan.js'
import { createLineSplitter, type PhysicalLine } from './lines.js'
import type { RowEvent } from './types.js'

// A line with anything but whitespace (\s is the whitespace String.prototype.trim removes).
const NOT_BLANK = /\S/

export type ErrorEvent = Extract<RowEvent, { kind: 'error' }>

/** Where the records of decoded CSV text go: whole records split into fields, and refused ones. */
export interface CsvRecordSink {
  record(line: number, fields: string[]): void
  refused(error: ErrorEvent): void
}

export interface CsvRecordOptions extends FramerOptions {
  /** The line number of the text's first line (default 1): a part of a file starts later. */
  firstLine?: number
}

/**
 * Decoded CSV text → records with their starting line. Lines are framed into records first
 * (createFramer: a malformed record costs one error, never the rest of the file); a record
 * without a quote is split on the delimiter, one with quotes by splitRecord. Text is
 * pushed in pieces of any size; `end()` closes the input (a quote still open is then refused).
 */
export function createCsvRecords(options: CsvRecordOptions, sink: CsvRecordSink) {
  const { delimiter, trim } = options
  const splitter = createLineSplitter(options.maxRecordChars, options.firstLine)
  const framer = createFramer(options)

  const take = (items: Framed[]): void => {
    for (const item of items) {
      if (item.kind === 'error') {
        sink.refused({ kind: 'error', line: item.line, reason: item.reason, raw: item.raw })
      } else if (hasQuote(item.text)) {
        sink.record(item.line, splitRecord(item.text, delimiter, trim))
      } else sink.record(item.line, item.text.split(delimiter))
    }
  }

  // The common line: no open quote, no quote in it, whole and decodable: a record by itself.
  const plain = (physical: PhysicalLine): boolean => {
    const { text } = physical
    if (framer.open || physical.overlong || hasQuote(text) || text.includes('\uFFFD')) return false
    if (NOT_BLANK.test(text)) sink.record(physical.line, text.split(delimiter))
    return true
  }

  const lines = (physicals: PhysicalLine[]): void => {
    for (const physical of physicals) if (!plain(physical)) take(framer.push(physical))
  }

  return {
    push(text: string): void {
      lines(splitter.push(text))
    },
    end(): void {
      lines(splitter.end())
      take(framer.end())
    },
    /** The number of the last physical line read so far. */
    get lastLine(): number {
      return splitter.lastLine
    },
    /** True when the text so far ends inside a quoted field. */
    get open(): boolean {
      return framer.open
    },
  }
}
