import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto'
import type { Hmac } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { CryptoIntegrityError, hkdfSm3 } from '../../platform/crypto/index.js'
import type { ByteSource } from './input/index.js'

/**
 * Uploaded files at rest: SM4-CTR under a random IV, then HMAC-SM3 over everything before the
 * tag (encrypt-then-MAC, as the field cipher; Node has no SM4-GCM). Layout:
 * `TBU1` ‖ IV (16) ‖ ciphertext ‖ tag (32). Both directions stream, so memory stays bounded.
 */
export interface UploadKeys {
  /** SM4 key, 16 bytes. */
  encKey: Uint8Array
  /** HMAC-SM3 key, 32 bytes. */
  macKey: Uint8Array
}

const MAGIC = Buffer.from('TBU1', 'latin1')
const IV_BYTES = 16
const TAG_BYTES = 32
const HEADER_BYTES = MAGIC.length + IV_BYTES

/** Upload keys from the platform's master secret, apart from every other key derived from it. */
export const deriveUploadKeys = (secret: string): UploadKeys => ({
  encKey: hkdfSm3(secret, 'tongban', 'tongban/governance-uploads/sm4-ctr/v1', 16),
  macKey: hkdfSm3(secret, 'tongban', 'tongban/governance-uploads/hmac-sm3/v1', 32),
})

/** Passes chunks on while feeding them to a MAC. */
const macTap = (mac: Hmac) =>
  new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      mac.update(chunk)
      callback(null, chunk)
    },
  })

/** Streams `plain` (through `meter`, which sees the plaintext) into an encrypted file at `path`. */
export async function encryptToFile(
  keys: UploadKeys,
  plain: Readable,
  meter: Transform,
  path: string,
): Promise<void> {
  const iv = randomBytes(IV_BYTES)
  const header = Buffer.concat([MAGIC, iv])
  const mac = createHmac('sm3', keys.macKey).update(header)
  const out = createWriteStream(path, { mode: 0o600 })
  out.write(header)
  const cipher = createCipheriv('sm4-ctr', keys.encKey, iv)
  await pipeline(plain, meter, cipher, macTap(mac), out, { end: false })
  await new Promise<void>((resolve, reject) => {
    out.on('error', reject)
    out.end(mac.digest(), resolve)
  })
}

/** True when the file at `path` is in this format (files kept before it are plain). */
export async function isEncrypted(path: string): Promise<boolean> {
  const handle = await open(path, 'r')
  try {
    const head = Buffer.alloc(MAGIC.length)
    const { bytesRead } = await handle.read(head, 0, MAGIC.length, 0)
    return bytesRead === MAGIC.length && head.equals(MAGIC)
  } finally {
    await handle.close()
  }
}

/**
 * Streams an encrypted file's plaintext into `target`, checking its tag at the end; a file
 * altered or cut short throws CryptoIntegrityError (the caller removes the partial output).
 */
export async function decryptToFile(keys: UploadKeys, path: string, target: string) {
  const handle = await open(path, 'r')
  const { size } = await handle.stat()
  const header = Buffer.alloc(HEADER_BYTES)
  const tag = Buffer.alloc(TAG_BYTES)
  try {
    if (size < HEADER_BYTES + TAG_BYTES) throw new CryptoIntegrityError()
    await handle.read(header, 0, HEADER_BYTES, 0)
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES)
  } finally {
    await handle.close()
  }
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) throw new CryptoIntegrityError()
  const mac = createHmac('sm3', keys.macKey).update(header)
  const end = size - TAG_BYTES - 1
  // An empty range still needs a stream: `end` below `start` would be refused.
  const body =
    end < HEADER_BYTES ? Readable.from([]) : createReadStream(path, { start: HEADER_BYTES, end })
  const decipher = createDecipheriv('sm4-ctr', keys.encKey, header.subarray(MAGIC.length))
  await pipeline(body, macTap(mac), decipher, createWriteStream(target, { mode: 0o600 }))
  const expected = mac.digest()
  if (!timingSafeEqual(expected, tag)) throw new CryptoIntegrityError()
}

/** The IV of the CTR block `blocks` after the first: the 128-bit big-endian counter plus blocks. */
function counterAt(iv: Buffer, blocks: number): Buffer {
  const counter = Buffer.from(iv)
  let carry = blocks
  for (let i = counter.length - 1; i >= 0 && carry > 0; i--) {
    const sum = (counter[i] as number) + (carry % 256)
    counter[i] = sum & 0xff
    carry = Math.floor(carry / 256) + (sum >> 8)
  }
  return counter
}

/** A decipher positioned at plaintext byte `position` (CTR mode can start anywhere). */
function decipherAt(keys: UploadKeys, iv: Buffer, position: number) {
  const block = Math.floor(position / 16)
  const decipher = createDecipheriv('sm4-ctr', keys.encKey, counterAt(iv, block))
  const skip = position - block * 16
  if (skip > 0) decipher.update(Buffer.alloc(skip))
  return decipher
}

/**
 * An encrypted file as a source of its plaintext, decrypted as it is read and never written
 * anywhere. The tag is checked over the whole file first (a file altered or cut short throws
 * CryptoIntegrityError before any byte is given); reads then decrypt the ranges asked for, at
 * any position, since CTR mode allows seeking.
 */
export async function openSealedFile(keys: UploadKeys, path: string): Promise<ByteSource> {
  const handle = await open(path, 'r')
  const { size } = await handle.stat()
  const header = Buffer.alloc(HEADER_BYTES)
  const tag = Buffer.alloc(TAG_BYTES)
  try {
    if (size < HEADER_BYTES + TAG_BYTES) throw new CryptoIntegrityError()
    await handle.read(header, 0, HEADER_BYTES, 0)
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES)
  } finally {
    await handle.close()
  }
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) throw new CryptoIntegrityError()
  const iv = header.subarray(MAGIC.length)
  const plainSize = size - HEADER_BYTES - TAG_BYTES
  const mac = createHmac('sm3', keys.macKey).update(header)
  if (plainSize > 0) {
    const body = createReadStream(path, { start: HEADER_BYTES, end: HEADER_BYTES + plainSize - 1 })
    for await (const chunk of body as AsyncIterable<Buffer>) mac.update(chunk)
  }
  if (!timingSafeEqual(mac.digest(), tag)) throw new CryptoIntegrityError()
  return {
    name: path,
    size: plainSize,
    stream({ start = 0, highWaterMark = 64 * 1024 } = {}) {
      if (start >= plainSize) return Readable.from([])
      const body = createReadStream(path, {
        start: HEADER_BYTES + start,
        end: HEADER_BYTES + plainSize - 1,
        highWaterMark,
      })
      const decipher = decipherAt(keys, iv, start)
      body.on('error', (error) => decipher.destroy(error))
      decipher.on('close', () => body.destroy())
      return body.pipe(decipher)
    },
    async read(buffer, offset, length, position) {
      const wanted = Math.min(length, plainSize - position)
      if (wanted <= 0) return 0
      const file = await open(path, 'r')
      try {
        // The ciphertext is read into the caller's buffer and its plaintext written over it.
        const { bytesRead } = await file.read(buffer, offset, wanted, HEADER_BYTES + position)
        const view = Buffer.from(buffer.buffer, buffer.byteOffset + offset, bytesRead)
        buffer.set(decipherAt(keys, iv, position).update(view), offset)
        return bytesRead
      } finally {
        await file.close()
      }
    },
  }
}
