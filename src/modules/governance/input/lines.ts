import iconv from 'iconv-lite'
import { iconvName } from './detect.js'
import type { TextEncoding } from './types.js'
import { inputStream } from './file-input.js'
import type { FileInput } from './file-input.js'

/** One physical line of a text file, without its line break; `line` is 1-based. */
export interface PhysicalLine {
  line: number
  text: string
  /** The line was longer than the limit; `text` holds only its beginning. */
  overlong: boolean
}

/** How much of an over-long line is kept to show in its error. */
export const PREVIEW_CHARS = 200

const BREAK = /\r\n|\r|\n/g

/**
 * Splits decoded text into lines (\n, \r\n or \r); the caller feeds chunks in order and calls
 * `end` once. `firstLine` numbers the first line (a part of a file starts later).
 */
export function createLineSplitter(maxChars: number, firstLine = 1) {
  let carry = ''
  let overlong = false
  let line = firstLine - 1
  const take = (text: string): PhysicalLine => {
    line++
    const long = overlong || text.length > maxChars
    overlong = false
    return { line, text: long ? text.slice(0, PREVIEW_CHARS) : text, overlong: long }
  }
  /** The lines of text ending before `end`; returns where the unfinished last line starts. */
  const split = (text: string, end: number, out: PhysicalLine[]): number => {
    let start = 0
    if (!text.includes('\r')) {
      // The common case: \n only, found without a regular expression.
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', start)) {
        out.push(take(text.slice(start, at)))
        start = at + 1
      }
      return start
    }
    BREAK.lastIndex = 0
    for (let m = BREAK.exec(text); m && m.index < end; m = BREAK.exec(text)) {
      out.push(take(text.slice(start, m.index)))
      start = m.index + m[0].length
    }
    return start
  }
  return {
    /** The number of the last line split off so far. */
    get lastLine(): number {
      return line
    },
    push(chunk: string): PhysicalLine[] {
      const text = carry + chunk
      const out: PhysicalLine[] = []
      // A trailing \r may be the first half of \r\n: keep it for the next chunk.
      const start = split(text, text.endsWith('\r') ? text.length - 1 : text.length, out)
      carry = text.slice(start)
      if (carry.length > maxChars + 1) {
        overlong = true
        carry = carry.slice(0, PREVIEW_CHARS)
      }
      return out
    },
    end(): PhysicalLine[] {
      const rest = carry.replace(/\r$/, '')
      carry = ''
      return rest.length > 0 || overlong ? [take(rest)] : []
    },
  }
}

/**
 * The text of a file, decoded as it streams (a BOM dropped), in pieces of about 64 KB.
 * `onBytes` is told the bytes read so far after each piece.
 */
export async function* readText(
  path: FileInput,
  encoding: TextEncoding,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(iconvName(encoding))
  const stream = inputStream(path)
  let first = true
  let bytesRead = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length
      onBytes?.(bytesRead)
      let text = decoder.write(chunk)
      if (first && text.length > 0) {
        text = text.replace(/^\uFEFF/, '')
        first = false
      }
      yield text
    }
    yield decoder.end() ?? ''
  } finally {
    stream.destroy()
  }
}

/**
 * The lines of a text file, decoded as it streams; memory stays within one chunk and one line.
 * `onBytes` is told the bytes read so far after each chunk.
 */
export async function* readLines(
  path: FileInput,
  encoding: TextEncoding,
  maxChars: number,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<PhysicalLine> {
  const splitter = createLineSplitter(maxChars)
  for await (const text of readText(path, encoding, onBytes)) yield* splitter.push(text)
  yield* splitter.end()
}
