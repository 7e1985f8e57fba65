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

const CHUNK_BYTES = 1 << 20

async function firstBytes(path: string): Promise<Buffer> {
  const stream = createReadStream(path, { start: 0, end: 1 })
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/**
 * The file's text in chunks, gunzipped when it starts with the gzip magic bytes (whatever its
 * name says), decoded as UTF-8 (a byte-order mark is dropped). `onProgress` hears the bytes of
 * the file read so far after each chunk.
 */
export async function* readText(
  path: string,
  onProgress?: ProgressListener,
): AsyncGenerator<string> {
  let totalBytes: number
  let gzip: boolean
  try {
    totalBytes = (await stat(path)).size
    const head = await firstBytes(path)
    gzip = head[0] === 0x1f && head[1] === 0x8b
  } catch {
    throw new LogFileError('INSIGHT_LOG_UNREADABLE')
  }
  const file = createReadStream(path, { highWaterMark: CHUNK_BYTES })
  const bytes: Readable = gzip ? file.pipe(createGunzip({ chunkSize: CHUNK_BYTES })) : file
  if (gzip) file.on('error', (error) => bytes.destroy(error))
  const decoder = new TextDecoder('utf-8')
  for await (const chunk of bytes) {
    onProgress?.({ bytesRead: file.bytesRead, totalBytes })
    const text = decoder.decode(chunk as Buffer, { stream: true })
    if (text !== '') yield text
  }
  const rest = decoder.decode()
  if (rest !== '') yield rest
}
