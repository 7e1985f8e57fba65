import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { CryptoIntegrityError } from '../../platform/crypto/index.js'
import {
  decryptToFile,
  deriveUploadKeys,
  encryptToFile,
  isEncrypted,
  openSealedFile,
} from './upload-crypto.js'

const dir = mkdtempSync(join(tmpdir(), 'tongban-upload-crypto-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const keys = deriveUploadKeys('test-secret-0123456789-abcdefghijklmnopqrstuvwxyz')
const pass = () => new Transform({ transform: (chunk, _e, done) => done(null, chunk) })
const plain = Buffer.from(
  Array.from({ length: 20_000 }, (_, i) => `张三${i},110101199001011234,13800138000\n`).join(''),
)

describe('uploads encrypted at rest (SM4-CTR + HMAC-SM3)', () => {
  const sealed = join(dir, 'sealed')
  const opened = join(dir, 'opened')

  it('writes no plaintext to disk and reads it back whole, streaming in small chunks', async () => {
    const source = Readable.from(
      Array.from({ length: Math.ceil(plain.length / 1000) }, (_, i) =>
        plain.subarray(i * 1000, (i + 1) * 1000),
      ),
    )
    await encryptToFile(keys, source, pass(), sealed)
    const onDisk = readFileSync(sealed)
    expect(onDisk.subarray(0, 4).toString('latin1')).toBe('TBU1')
    expect(onDisk.length).toBe(plain.length + 4 + 16 + 32)
    expect(onDisk.includes('110101199001011234')).toBe(false)
    expect(onDisk.includes(Buffer.from('张三1,'))).toBe(false)
    expect(await isEncrypted(sealed)).toBe(true)
    await decryptToFile(keys, sealed, opened)
    expect(readFileSync(opened).equals(plain)).toBe(true)
  })

  it('refuses a file changed by one byte, and one under another secret', async () => {
    const bytes = readFileSync(sealed)
    bytes[100] = (bytes[100] ?? 0) ^ 1
    writeFileSync(join(dir, 'changed'), bytes)
    await expect(decryptToFile(keys, join(dir, 'changed'), join(dir, 'x'))).rejects.toThrow(
      CryptoIntegrityError,
    )
    const other = deriveUploadKeys('another-secret-0123456789-abcdefghijklmnopqrstuv')
    await expect(decryptToFile(other, sealed, join(dir, 'y'))).rejects.toThrow(CryptoIntegrityError)
  })

  it('encrypts the same file differently each time (fresh IV)', async () => {
    await encryptToFile(keys, Readable.from([plain]), pass(), join(dir, 'again'))
    expect(readFileSync(join(dir, 'again')).equals(readFileSync(sealed))).toBe(false)
  })

  it('keeps an empty file empty', async () => {
    await encryptToFile(keys, Readable.from([]), pass(), join(dir, 'empty'))
    await decryptToFile(keys, join(dir, 'empty'), join(dir, 'empty.out'))
    expect(readFileSync(join(dir, 'empty.out')).length).toBe(0)
  })

  it('tells a plain file kept before encryption from an encrypted one', async () => {
    writeFileSync(join(dir, 'legacy'), 'name,id_number\n')
    expect(await isEncrypted(join(dir, 'legacy'))).toBe(false)
  })

  it('reads any range of the plaintext in place, decrypting only what is asked', async () => {
    const source = await openSealedFile(keys, sealed)
    expect(source.size).toBe(plain.length)
    // Positions inside a CTR block, across blocks and up to the end.
    for (const [position, length] of [
      [0, 1],
      [1, 15],
      [15, 2],
      [16, 16],
      [17, 1_000],
      [plain.length - 7, 100],
      [123_457, 65_536],
    ] as const) {
      const buffer = Buffer.alloc(length + 3)
      const read = await source.read(buffer, 3, length, position)
      const expected = plain.subarray(position, position + length)
      expect(read).toBe(expected.length)
      expect(buffer.subarray(3, 3 + read).equals(expected)).toBe(true)
    }
    expect(await source.read(Buffer.alloc(4), 0, 4, plain.length)).toBe(0)
    const tail: Buffer[] = []
    for await (const chunk of source.stream({ start: 1_001, highWaterMark: 777 })) {
      tail.push(chunk as Buffer)
    }
    expect(Buffer.concat(tail).equals(plain.subarray(1_001))).toBe(true)
  })

  it('checks the tag before giving a byte of a changed file', async () => {
    await expect(openSealedFile(keys, join(dir, 'changed'))).rejects.toThrow(CryptoIntegrityError)
    const cut = readFileSync(sealed).subarray(0, 1_000)
    writeFileSync(join(dir, 'cut'), cut)
    await expect(openSealedFile(keys, join(dir, 'cut'))).rejects.toThrow(CryptoIntegrityError)
    await encryptToFile(keys, Readable.from([]), pass(), join(dir, 'empty2'))
    const empty = await openSealedFile(keys, join(dir, 'empty2'))
    expect(empty.size).toBe(0)
    const chunks: unknown[] = []
    for await (const chunk of empty.stream()) chunks.push(chunk)
    expect(chunks).toEqual([])
  })
})
