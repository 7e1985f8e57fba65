import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { LogFileError } from '../log/log-messages.js'

/** How far a read has come: bytes of the file (compressed, if it is) against its size. */
export interface ReadProgress {
  readonly bytesRead: number
  readonly totalBytes: number
}

export type ProgressListener = (progress: ReadProgress) => void

/**
 * Bytes that are not a plain file: an upload kept encrypted, decrypted as it is read (the
 * governance upload store's `source`), so that no plaintext copy of a log is written to disk.
 */
export interface LogBytes {
  readonly name: string
  readonly size: number
  stream(options?: { start?: number; highWaterMark?: number }): Readable
}

/** What the readers take: a file's path, or a source of its bytes. */
export type LogInput = string | LogBytes

const CHUNK_BYTES = 1 << 20

const open = (input: LogInput, highWaterMark: number): Readable =>
  typeof input === 'string'
    ? createReadStream(input, { highWaterMark })
    : input.stream({ start: 0, highWaterMark })

async function firstBytes(input: LogInput): Promise<Buffer> {
  const stream =
    typeof input === 'string' ? createReadStream(input, { start: 0, end: 1 }) : open(input, 16)
  const chunks: Buffer[] = []
  let length = 0
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer)
    length += (chunk as Buffer).length
    if (length >= 2) break
  }
  stream.destroy()
  return Buffer.concat(chunks).subarray(0, 2)
}

/**
 * The file's text in chunks, gunzipped when it starts with the gzip magic bytes (whatever its
 * name says), decoded as UTF-8 (a byte-order mark is dropped). `onProgress` hears the bytes of
 * the file read so far after each chunk.
 */
export async function* readText(
  input: LogInput,
  onProgress?: ProgressListener,
): AsyncGenerator<string> {
  let totalBytes: number
  let gzip: boolean
  try {
    totalBytes = typeof input === 'string' ? (await stat(input)).size : input.size
    const head = await firstBytes(input)
    gzip = head[0] === 0x1f && head[1] === 0x8b
  } catch {
    throw new LogFileError('INSIGHT_LOG_UNREADABLE')
  }
  const file = open(input, CHUNK_BYTES)
  // Bytes of the file (compressed, if it is) read so far, for the progress shown.
  let bytesRead = 0
  file.on('data', (chunk: Buffer) => void (bytesRead += chunk.length))
  const bytes: Readable = gzip ? file.pipe(createGunzip({ chunkSize: CHUNK_BYTES })) : file
  if (gzip) file.on('error', (error) => bytes.destroy(error))
  const decoder = new TextDecoder('utf-8')
  for await (const chunk of bytes) {
    onProgress?.({ bytesRead, totalBytes })
    const text = decoder.decode(chunk as Buffer, { stream: true })
    if (text !== '') yield text
  }
  const rest = decoder.decode()
  if (rest !== '') yield rest
}
