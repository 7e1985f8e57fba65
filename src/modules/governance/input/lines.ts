import { createReadStream } from 'node:fs'
import iconv from 'iconv-lite'
import { iconvName } from './detect.js'
import type { TextEncoding } from './types.js'

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

/** Splits decoded text into lines; the caller feeds chunks in order and calls `end` once. */
export function createLineSplitter(maxChars: number) {
  let carry = ''
  let overlong = false
  let line = 0
  const take = (text: string): PhysicalLine => {
    line++
    const long = overlong || text.length > maxChars
    overlong = false
    return { line, text: long ? text.slice(0, PREVIEW_CHARS) : text, overlong: long }
  }
  return {
    push(chunk: string): PhysicalLine[] {
      const text = carry + chunk
      const out: PhysicalLine[] = []
      let start = 0
      // A trailing \r may be the first half of \r\n: keep it for the next chunk.
      const end = text.endsWith('\r') ? text.length - 1 : text.length
      BREAK.lastIndex = 0
      for (let m = BREAK.exec(text); m && m.index < end; m = BREAK.exec(text)) {
        out.push(take(text.slice(start, m.index)))
        start = m.index + m[0].length
      }
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
 * The lines of a text file, decoded as it streams; memory stays within one chunk and one line.
 * `onBytes` is told the bytes read so far after each chunk.
 */
export async function* readLines(
  path: string,
  encoding: TextEncoding,
  maxChars: number,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<PhysicalLine> {
  const decoder = iconv.getDecoder(iconvName(encoding))
  const splitter = createLineSplitter(maxChars)
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 })
  let first = true
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      onBytes?.(stream.bytesRead)
      let text = decoder.write(chunk)
      if (first && text.length > 0) {
        text = text.replace(/^\uFEFF/, '')
        first = false
      }
      yield* splitter.push(text)
    }
    yield* splitter.push(decoder.end() ?? '')
    yield* splitter.end()
  } finally {
    stream.destroy()
  }
}
