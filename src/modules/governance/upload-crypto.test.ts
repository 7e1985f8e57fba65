import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { CryptoIntegrityError } from '../../platform/crypto/index.js'
import { decryptToFile, deriveUploadKeys, encryptToFile, isEncrypted } from './upload-crypto.js'

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
})
