import { createCipheriv, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { CryptoIntegrityError } from './errors.js'
import { deriveFieldKeys } from './key-derivation.js'
import { createFieldCipher } from './sm4.js'

const keys = deriveFieldKeys('test master secret, not for production use')
const cipher = createFieldCipher(keys)

/** Flips one bit of one base64url-decoded token part and re-encodes it canonically. */
const tamper = (token: string, part: 1 | 2 | 3): string => {
  const parts = token.split('.')
  const bytes = Buffer.from(parts[part] ?? '', 'base64url')
  bytes[0] = (bytes[0] ?? 0) ^ 0x01
  parts[part] = bytes.toString('base64url')
  return parts.join('.')
}

describe('SM4 block cipher', () => {
  it('matches the GB/T 32907-2016 example', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex')
    const ecb = createCipheriv('sm4-ecb', key, null).setAutoPadding(false)
    const ciphertext = Buffer.concat([ecb.update(key), ecb.final()])
    expect(ciphertext.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246')
  })
})

describe('createFieldCipher', () => {
  it('round-trips Chinese text', () => {
    const plain = '张三 浙江省杭州市西湖区文三路 110105194912310021 ✓'
    expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain)
  })

  it('round-trips the empty string', () => {
    expect(cipher.decrypt(cipher.encrypt(''))).toBe('')
  })

  it('produces v1 tokens with a 16-byte IV and 32-byte tag', () => {
    const [version, iv, ciphertext, tag] = cipher.encrypt('abc').split('.')
    expect(version).toBe('v1')
    expect(Buffer.from(iv ?? '', 'base64url')).toHaveLength(16)
    expect(Buffer.from(ciphertext ?? '', 'base64url')).toHaveLength(3)
    expect(Buffer.from(tag ?? '', 'base64url')).toHaveLength(32)
  })

  it('uses a fresh IV for every encryption', () => {
    const tokens = Array.from({ length: 20 }, () => cipher.encrypt('same value'))
    expect(new Set(tokens.map((token) => token.split('.')[1])).size).toBe(20)
  })

  it.each([
    ['iv', 1],
    ['ciphertext', 2],
    ['tag', 3],
  ] as const)('rejects a tampered %s', (_name, part) => {
    const token = cipher.encrypt('身份证号码')
    expect(() => cipher.decrypt(tamper(token, part))).toThrow(CryptoIntegrityError)
  })

  it('rejects tokens made under another key', () => {
    const other = createFieldCipher(deriveFieldKeys('another master secret, also 32+ bytes'))
    expect(() => cipher.decrypt(other.encrypt('x'))).toThrow(CryptoIntegrityError)
  })

  it('rejects a token whose version is changed', () => {
    const token = cipher.encrypt('x')
    expect(() => cipher.decrypt(token.replace(/^v1/, 'v2'))).toThrow(CryptoIntegrityError)
  })

  it.each([
    '',
    'v1',
    'v1.a.b',
    'v1.a.b.c.d',
    'v1.!!!.AAAA.AAAA',
    `v1.${Buffer.alloc(15).toString('base64url')}..${Buffer.alloc(32).toString('base64url')}`,
    `v1.${Buffer.alloc(16).toString('base64url')}..${Buffer.alloc(31).toString('base64url')}`,
  ])('rejects the malformed token %j', (token) => {
    expect(() => cipher.decrypt(token)).toThrow(CryptoIntegrityError)
  })

  it('rejects non-canonical base64url that would decode to the same bytes', () => {
    const token = cipher.encrypt('x')
    const [version, iv, ciphertext, tag] = token.split('.')
    expect(() => cipher.decrypt([version, `${iv}=`, ciphertext, tag].join('.'))).toThrow(
      CryptoIntegrityError,
    )
  })

  it('rejects keys of the wrong size', () => {
    expect(() => createFieldCipher({ ...keys, encKey: randomBytes(32) })).toThrow(RangeError)
    expect(() => createFieldCipher({ ...keys, macKey: randomBytes(16) })).toThrow(RangeError)
  })
})

describe('blindIndex', () => {
  it('is stable across calls and cipher instances', () => {
    const again = createFieldCipher(keys)
    expect(cipher.blindIndex('13812345678')).toBe(again.blindIndex('13812345678'))
    expect(cipher.blindIndex('13812345678')).toMatch(/^[0-9a-f]{64}$/)
  })

  it('normalises width and surrounding whitespace only', () => {
    expect(cipher.blindIndex(' １３８１２３４５６７８ ')).toBe(cipher.blindIndex('13812345678'))
    expect(cipher.blindIndex('abc')).not.toBe(cipher.blindIndex('ABC'))
  })

  it('depends on the key', () => {
    const other = createFieldCipher(deriveFieldKeys('another master secret, also 32+ bytes'))
    expect(other.blindIndex('13812345678')).not.toBe(cipher.blindIndex('13812345678'))
  })

  it('derives an index key from the MAC key when none is given', () => {
    const { encKey, macKey } = keys
    const twoKeys = createFieldCipher({ encKey, macKey })
    expect(twoKeys.blindIndex('x')).toBe(createFieldCipher({ encKey, macKey }).blindIndex('x'))
    expect(twoKeys.blindIndex('x')).not.toBe(cipher.blindIndex('x'))
    expect(twoKeys.decrypt(cipher.encrypt('x'))).toBe('x')
  })
})
