import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import type { Readable } from 'node:stream'

/**
 * Bytes the readers can read that are not a plain file: e.g. an upload kept encrypted, decrypted
 * as it is read (upload-crypto.ts), so no plaintext copy is written anywhere.
 */
export interface ByteSource {
  /** How messages name the file (e.g. the stored file's path). */
  readonly name: string
  /** The bytes there are to read. */
  readonly size: number
  /** The bytes from `start` (default 0) to the end, in pieces of about `highWaterMark`. */
  stream(options?: { start?: number; highWaterMark?: number }): Readable
  /** Reads up to `length` bytes at `position` into `buffer` at `offset`; 0 at the end. */
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<number>
}

/** What the readers take: a file's path, or a source of its bytes. */
export type FileInput = string | ByteSource

/** The name messages give the input. */
export const inputName = (input: FileInput): string =>
  typeof input === 'string' ? input : input.name

/** The input's size in bytes (a missing file throws, as `stat` does). */
export const inputSize = async (input: FileInput): Promise<number> =>
  typeof input === 'string' ? (await stat(input)).size : input.size

/** The input's bytes as a stream. */
export const inputStream = (input: FileInput, highWaterMark = 64 * 1024): Readable =>
  typeof input === 'string'
    ? createReadStream(input, { highWaterMark })
    : input.stream({ highWaterMark })

/** Reads at positions of the input until `close`. */
export interface PositionalReader {
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<number>
  size(): Promise<number>
  close(): Promise<void>
}

/** Opens the input for reads at positions (a missing file throws, as `open` does). */
export async function openInput(input: FileInput): Promise<PositionalReader> {
  if (typeof input !== 'string') {
    return {
      read: (buffer, offset, length, position) => input.read(buffer, offset, length, position),
      size: async () => input.size,
      close: async () => undefined,
    }
  }
  const handle = await open(input, 'r')
  return {
    read: async (buffer, offset, length, position) =>
      (await handle.read(buffer, offset, length, position)).bytesRead,
    size: async () => (await handle.stat()).size,
    close: () => handle.close(),
  }
}
