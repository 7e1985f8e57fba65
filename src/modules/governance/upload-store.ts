import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import { v7 as uuidv7 } from 'uuid'
import { DomainError } from '../../platform/errors.js'

/** A file received into a temporary place; JSON shows only its hash and size. */
export class ReceivedFile {
  constructor(
    readonly hash: string,
    readonly size: number,
    readonly tempPath: string,
  ) {}

  toJSON(): { hash: string; size: number } {
    return { hash: this.hash, size: this.size }
  }
}

const HASH = /^[0-9a-f]{64}$/

const tooLarge = (limit: number) => new DomainError('GOVERNANCE_FILE_TOO_LARGE', { limit })

/**
 * Uploaded files under `<dataDir>/governance/uploads`, each named by the SM3 hash of its content:
 * the same file uploaded twice is kept once. A file arrives in `tmp/` and is kept or discarded.
 */
export function createUploadStore(dataDir: string, maxBytes: number) {
  const dir = join(dataDir, 'governance', 'uploads')
  const tmp = join(dir, 'tmp')

  return {
    /** Streams a body to a temporary file, hashing it; refuses one larger than the limit. */
    async receive(body: Readable, declaredLength?: number): Promise<ReceivedFile> {
      if (declaredLength !== undefined && declaredLength > maxBytes) throw tooLarge(maxBytes)
      await mkdir(tmp, { recursive: true })
      const tempPath = join(tmp, uuidv7())
      const hash = createHash('sm3')
      let size = 0
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length
          if (size > maxBytes) return callback(tooLarge(maxBytes))
          hash.update(chunk)
          callback(null, chunk)
        },
      })
      try {
        await pipeline(body, meter, createWriteStream(tempPath))
      } catch (error) {
        await rm(tempPath, { force: true })
        throw error
      }
      return new ReceivedFile(hash.digest('hex'), size, tempPath)
    },
    /** Moves a received file to its place by hash (a copy already there is kept as is). */
    async keep(file: ReceivedFile): Promise<string> {
      const path = join(dir, file.hash)
      await rename(file.tempPath, path)
      return path
    },
    /** Drops a received file that was not kept; nothing happens if it was. */
    async discard(file: ReceivedFile): Promise<void> {
      await rm(file.tempPath, { force: true })
    },
    /** The kept file of a hash. */
    pathOf(hash: string): string {
      if (!HASH.test(hash)) throw new RangeError('not an SM3 hash')
      return join(dir, hash)
    },
  }
}

export type UploadStore = ReturnType<typeof createUploadStore>
