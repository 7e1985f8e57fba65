import type { CsvDelimiter } from './types.js'

/**
 * Where a CSV record stands at the end of a physical line. The rules mirror csv-parse run with
 * `relax_quotes` (and `trim` when trimming): a quote opens a field only at its start, `""` inside
 * quotes is a quote, and after a closing quote only whitespace (when trimming), the delimiter or
 * the end of the line may follow.
 */
export interface QuoteState {
  inQuotes: boolean
  fieldStart: boolean
  afterClose: boolean
}

export const RECORD_START: QuoteState = { inQuotes: false, fieldStart: true, afterClose: false }

const DELIMITERS: readonly CsvDelimiter[] = [',', '\t', ';', '|']

const isSpace = (ch: string): boolean => ch.trim() === ''

/** Scans one physical line; returns the state at its end, or null when text follows a closing quote. */
export function scanLine(
  text: string,
  from: QuoteState,
  delimiter: string,
  trim: boolean,
): QuoteState | null {
  let { inQuotes, fieldStart, afterClose } = from
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i)
    if (inQuotes) {
      if (ch !== '"') continue
      if (text.charAt(i + 1) === '"') i++
      else [inQuotes, afterClose] = [false, true]
    } else if (ch === delimiter) {
      ;[fieldStart, afterClose] = [true, false]
    } else if (trim && isSpace(ch)) {
      continue
    } else if (afterClose) {
      return null
    } else {
      inQuotes = ch === '"' && fieldStart
      fieldStart = false
    }
  }
  return { inQuotes, fieldStart, afterClose }
}

/** Counts each candidate delimiter outside quotes in the header line; the most frequent wins, `,` by default. */
export function detectDelimiter(header: string): CsvDelimiter {
  const counts = new Map<string, number>()
  let quoted = false
  for (const ch of header) {
    if (ch === '"') quoted = !quoted
    else if (!quoted) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  }
  let best: CsvDelimiter = ','
  for (const candidate of DELIMITERS) {
    if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate
  }
  return best
}

/** Lines without a quote cannot open or close one: the common case skips the scan. */
export function hasQuote(text: string): boolean {
  return text.includes('"')
}

/**
 * The fields of one whole record that scanLine accepted (every quote closed, nothing but
 * whitespace after a closing quote), by the same rules: a quote opens a field only at its start
 * (after whitespace when trimming), `""` inside quotes is a quote, a quote elsewhere is text.
 * Unquoted fields are returned as written (the caller trims), quoted ones without their quotes.
 * This is csv-parse's reading of such a record (a test compares the two), without its per-call cost.
 */
export function splitRecord(text: string, delimiter: string, trim: boolean): string[] {
  const fields: string[] = []
  let i = 0
  for (;;) {
    let start = i
    if (trim) {
      while (start < text.length && text.charAt(start) !== delimiter && isSpace(text.charAt(start)))
        start++
    }
    if (text.charAt(start) === '"') {
      let value = ''
      let from = start + 1
      for (let q = text.indexOf('"', from); ; q = text.indexOf('"', from)) {
        if (q === -1)
          throw new RangeError('splitRecord: an unclosed quote (the framer refuses these)')
        value += text.slice(from, q)
        if (text.charAt(q + 1) !== '"') {
          from = q + 1
          break
        }
        value += '"'
        from = q + 2
      }
      fields.push(value)
      const next = text.indexOf(delimiter, from)
      if (next === -1) return fields
      i = next + 1
    } else {
      const next = text.indexOf(delimiter, i)
      fields.push(next === -1 ? text.slice(i) : text.slice(i, next))
      if (next === -1) return fields
      i = next + 1
    }
  }
}
