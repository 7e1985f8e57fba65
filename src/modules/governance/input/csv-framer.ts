import { RECORD_START, hasQuote, scanLine, type QuoteState } from './csv-scan.js'
import type { PhysicalLine } from './lines.js'
import { rowReason } from './messages.js'
import type { RowReason, TextEncoding } from './types.js'

/** A whole CSV record (possibly several physical lines), or a refused one; `line` is where it starts. */
export type Framed =
  | { kind: 'record'; line: number; text: string }
  | { kind: 'error'; line: number; reason: RowReason; raw: string }

export interface FramerOptions {
  delimiter: string
  trim: boolean
  encoding: TextEncoding
  maxRecordChars: number
  maxRecordLines: number
}

interface OpenRecord {
  lines: PhysicalLine[]
  chars: number
  state: QuoteState
}

/** How much of a refused record is kept in its error. */
export const RAW_PREVIEW_CHARS = 500

export const preview = (text: string): string => text.slice(0, RAW_PREVIEW_CHARS)

/**
 * Groups physical lines into CSV records before csv-parse sees them, so that a malformed record
 * costs one error and never the rest of the file: a quote still open after `maxRecordLines` lines,
 * `maxRecordChars` characters or at the end of the file is reported on the line that opened it,
 * and reading resumes on the next line.
 */
export function createFramer(options: FramerOptions) {
  let open: OpenRecord | null = null

  const fail = (line: number, reason: RowReason, raw: string): Framed => ({
    kind: 'error',
    line,
    reason,
    raw: preview(raw),
  })

  const finish = (line: number, text: string): Framed =>
    text.includes('\uFFFD')
      ? fail(line, rowReason('GOVERNANCE_INPUT_UNDECODABLE', { encoding: options.encoding }), text)
      : { kind: 'record', line, text }

  const unclosed = (record: OpenRecord, lastLine: number): Framed => {
    const first = record.lines[0] as PhysicalLine
    const reason = rowReason('GOVERNANCE_INPUT_UNCLOSED_QUOTE', { endLine: lastLine })
    return fail(first.line, reason, first.text)
  }

  function start(physical: PhysicalLine, out: Framed[]): void {
    const { line, text } = physical
    if (physical.overlong) {
      const max = options.maxRecordChars
      out.push(fail(line, rowReason('GOVERNANCE_INPUT_RECORD_TOO_LONG', { max }), text))
      return
    }
    if (text.trim() === '') return
    if (!hasQuote(text)) return void out.push(finish(line, text))
    const state = scanLine(text, RECORD_START, options.delimiter, options.trim)
    if (state === null) out.push(fail(line, rowReason('GOVERNANCE_INPUT_TEXT_AFTER_QUOTE'), text))
    else if (!state.inQuotes) out.push(finish(line, text))
    else open = { lines: [physical], chars: text.length, state }
  }

  /** Adds a line to the open record; returns the lines to read again when the record is given up. */
  function extend(record: OpenRecord, physical: PhysicalLine, out: Framed[]): PhysicalLine[] {
    record.lines.push(physical)
    record.chars += physical.text.length + 1
    const state = physical.overlong
      ? null
      : scanLine(physical.text, record.state, options.delimiter, options.trim)
    if (state !== null && !state.inQuotes) {
      open = null
      const first = record.lines[0] as PhysicalLine
      out.push(finish(first.line, record.lines.map((l) => l.text).join('\n')))
      return []
    }
    const withinLimits =
      record.lines.length < options.maxRecordLines && record.chars <= options.maxRecordChars
    if (state !== null && withinLimits) {
      record.state = state
      return []
    }
    open = null
    out.push(unclosed(record, physical.line))
    return record.lines.slice(1)
  }

  function feed(lines: PhysicalLine[], out: Framed[]): void {
    const queue = [...lines]
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (open) queue.unshift(...extend(open, next, out))
      else start(next, out)
    }
  }

  return {
    /** True while a quoted field is open across lines: the next line belongs to it. */
    get open(): boolean {
      return open !== null
    },
    /** Takes the next physical line; returns the records and errors it completes. */
    push(physical: PhysicalLine): Framed[] {
      const out: Framed[] = []
      feed([physical], out)
      return out
    },
    /** Ends the input: a quote still open is reported and the lines after it are read again. */
    end(): Framed[] {
      const out: Framed[] = []
      while (open) {
        const record: OpenRecord = open
        open = null
        const last = record.lines[record.lines.length - 1] as PhysicalLine
        out.push(unclosed(record, last.line))
        feed(record.lines.slice(1), out)
      }
      return out
    },
  }
}
