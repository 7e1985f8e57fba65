import { inputName, openInput } from './file-input.js'
import type { FileInput } from './file-input.js'

/** A run of whole lines of a file, as bytes, and the number of its first line. */
export interface CsvChunk {
  /** 0, 1, 2… in file order. */
  index: number
  bytes: Uint8Array
  /** The 1-based number of the chunk's first physical line (counting \n). */
  firstLine: number
  /** The \n line breaks in the chunk: it ends just after its last one, unless it is the last chunk. */
  breaks: number
  first: boolean
  last: boolean
}

const NEWLINE = 0x0a

function countBreaks(bytes: Uint8Array): number {
  let count = 0
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count++
  return count
}

/** Thrown when a line is longer than `maxLineBytes`: the caller reads the file another way. */
export class LongLineError extends Error {}

/**
 * The file in chunks of about `chunkBytes`, each ending just after a \n (UTF-8 and GB18030 never
 * use the byte 0x0A inside a character). Each chunk's bytes are a view of a buffer of its own
 * (perhaps a little longer), so it can be transferred to a worker. Only the chunk being read is held.
 */
export async function* csvChunks(
  path: FileInput,
  chunkBytes: number,
  maxLineBytes: number,
): AsyncGenerator<CsvChunk> {
  const file = await openInput(path)
  let position = 0
  try {
    let carry = new Uint8Array(0)
    let index = 0
    let firstLine = 1
    for (;;) {
      let buffer = new Uint8Array(Math.max(chunkBytes, 2 * carry.length))
      buffer.set(carry)
      let filled = carry.length
      let eof = false
      let end = -1
      for (;;) {
        while (filled < buffer.length && !eof) {
          const bytesRead = await file.read(buffer, filled, buffer.length - filled, position)
          position += bytesRead
          eof = bytesRead === 0
          filled += bytesRead
        }
        if (eof) break
        end = buffer.lastIndexOf(NEWLINE)
        if (end !== -1) break
        // A full buffer without a line break: one long line; read on, within the limit.
        if (buffer.length > maxLineBytes + chunkBytes) throw new LongLineError(inputName(path))
        const grown = new Uint8Array(2 * buffer.length)
        grown.set(buffer)
        buffer = grown
      }
      const cut = eof ? filled : end + 1
      // The chunk keeps the buffer (no copy); the few bytes after its last line are copied out.
      carry = buffer.slice(cut, filled)
      const bytes = buffer.subarray(0, cut)
      const breaks = countBreaks(bytes)
      yield { index, bytes, firstLine, breaks, first: index === 0, last: eof }
      if (eof) return
      index++
      firstLine += breaks
    }
  } finally {
    await file.close()
  }
}
