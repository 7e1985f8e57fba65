import { createHash } from 'node:crypto'
import { mkdir, rename, rm, utimes } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { Transform } from 'node:stream'
import { v7 as uuidv7 } from 'uuid'
import type { Clock } from '../../platform/clock.js'
import { DomainError } from '../../platform/errors.js'
import { InputError, SAMPLE_BYTES } from './input/index.js'
import type { FileInput } from './input/index.js'
import {
  decryptToFile,
  encryptToFile,
  isEncrypted,
  openSealedFile,
  type UploadKeys,
} from './upload-crypto.js'

/** A file received into a temporary place; JSON shows only its hash and size. */
export class ReceivedFile {
  constructor(
    readonly hash: string,
    readonly size: number,
    readonly tempPath: string,
    /** The first bytes of the plaintext, to recognise the kind of file by. */
    readonly head: Buffer,
  ) {}

  toJSON(): { hash: string; size: number } {
    return { hash: this.hash, size: this.size }
  }
}

/** A kept file opened for a run: `input` for the readers, `path` the stored file's. */
export interface UploadSource {
  readonly input: FileInput
  readonly path: string
}

/** A kept file opened for reading: a plaintext path until `close()`. */
export interface OpenedUpload {
  readonly path: string
  close(): Promise<void>
}

const HASH = /^[0-9a-f]{64}$/

/** The readers' own refusal of a missing file, so a run names it the same way. */
const notFound = (path: string): never => {
  throw new InputError('GOVERNANCE_INPUT_NOT_FOUND', path)
}

const tooLarge = (limit: number) => new DomainError('GOVERNANCE_FILE_TOO_LARGE', { limit })

export interface UploadStoreOptions {
  dataDir: string
  /** The folder under `dataDir` the files are kept in (default `governance`). */
  area?: string
  maxBytes: number
  keys: UploadKeys
  clock: Clock
}

/**
 * Uploaded files under `<dataDir>/<area>/uploads` (area `governance` unless told), each named by the SM3 hash of its content
 * (the same file uploaded twice is kept once) and encrypted at rest (upload-crypto.ts). A file
 * arrives in `tmp/` and is kept or discarded; a governance run reads a kept one through
 * `source`, decrypted as it is read (no plaintext on disk); `open` decrypts it into `tmp/` for
 * readers that need a path.
 */
export function createUploadStore(options: UploadStoreOptions) {
  const { maxBytes, keys, clock } = options
  const dir = join(options.dataDir, options.area ?? 'governance', 'uploads')
  const tmp = join(dir, 'tmp')

  return {
    dir,
    tmp,
    /** Streams a body to an encrypted temporary file, hashing it; refuses one over the limit. */
    async receive(body: Readable, declaredLength?: number): Promise<ReceivedFile> {
      if (declaredLength !== undefined && declaredLength > maxBytes) throw tooLarge(maxBytes)
      await mkdir(tmp, { recursive: true })
      const tempPath = join(tmp, uuidv7())
      const hash = createHash('sm3')
      const head: Buffer[] = []
      let size = 0
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          if (size < SAMPLE_BYTES) head.push(chunk.subarray(0, SAMPLE_BYTES - size))
          size += chunk.length
          if (size > maxBytes) return callback(tooLarge(maxBytes))
          hash.update(chunk)
          callback(null, chunk)
        },
      })
      try {
        await encryptToFile(keys, body, meter, tempPath)
      } catch (error) {
        await rm(tempPath, { force: true })
        throw error
      }
      return new ReceivedFile(hash.digest('hex'), size, tempPath, Buffer.concat(head))
    },
    /** Moves a received file to its place by hash; its time becomes the upload's (for retention). */
    async keep(file: ReceivedFile): Promise<string> {
      const path = join(dir, file.hash)
      await rename(file.tempPath, path)
      const now = clock.now()
      await utimes(path, now, now)
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
    /**
     * Opens a kept file for a run without writing its plaintext anywhere: a source the readers
     * decrypt as they read (tag checked first, upload-crypto.ts `openSealedFile`); a file kept
     * before encryption is read where it is.
     */
    async source(hash: string): Promise<UploadSource> {
      const path = this.pathOf(hash)
      if (!(await isEncrypted(path).catch(() => notFound(path)))) return { input: path, path }
      return { input: await openSealedFile(keys, path), path }
    },
    /**
     * Opens a kept file as a plaintext path (for readers that need one; the governance runs use
     * `source`): decrypted (streaming, tag checked) into `tmp/`, removed by
     * `close()`; a file kept before encryption is read where it is.
     */
    async open(hash: string): Promise<OpenedUpload> {
      const path = this.pathOf(hash)
      if (!(await isEncrypted(path).catch(() => notFound(path))))
        return { path, close: async () => undefined }
      await mkdir(tmp, { recursive: true })
      const plain = join(tmp, `${uuidv7()}.plain`)
      const close = () => rm(plain, { force: true })
      try {
        await decryptToFile(keys, path, plain)
      } catch (error) {
        await close()
        throw error
      }
      return { path: plain, close }
    },
  }
}

export type UploadStore = ReturnType<typeof createUploadStore>
