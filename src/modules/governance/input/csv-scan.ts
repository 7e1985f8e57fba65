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
