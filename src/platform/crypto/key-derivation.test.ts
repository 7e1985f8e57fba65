import { describe, expect, it } from 'vitest'
import { deriveFieldKeys, hkdfSm3 } from './key-derivation.js'
import { hmacSm3 } from './sm3.js'

/** Reference RFC 5869 HKDF over HMAC-SM3 (32-byte hash), written out step by step. */
const referenceHkdf = (ikm: Buffer, salt: Buffer, info: Buffer, length: number): Buffer => {
  const prk = hmacSm3(salt, ikm)
  const blocks: Buffer[] = []
  let previous: Buffer = Buffer.alloc(0)
  for (let counter = 1; blocks.length * 32 < length; counter += 1) {
    previous = hmacSm3(prk, Buffer.concat([previous, info, Buffer.of(counter)]))
    blocks.push(previous)
  }
  return Buffer.concat(blocks).subarray(0, length)
}

describe('hkdfSm3', () => {
  it('matches RFC 5869 built from HMAC-SM3, across several output blocks', () => {
    const ikm = Buffer.alloc(22, 0x0b)
    const salt = Buffer.from('000102030405060708090a0b0c', 'hex')
    const info = 'f0f1f2f3f4f5f6f7f8f9'
    const actual = Buffer.from(hkdfSm3(ikm, salt, info, 82)).toString('hex')
    const expected = referenceHkdf(ikm, salt, Buffer.from(info), 82).toString('hex')
    expect(actual).toBe(expected)
  })
})

describe('deriveFieldKeys', () => {
  const secret = 'a master secret of at least 32 bytes!!'

  it('derives keys of the sizes the field cipher needs', () => {
    const keys = deriveFieldKeys(secret)
    expect([keys.encKey.length, keys.macKey.length, keys.indexKey.length]).toEqual([16, 32, 32])
  })

  it('is deterministic and treats strings as UTF-8', () => {
    expect(deriveFieldKeys(secret)).toEqual(deriveFieldKeys(new TextEncoder().encode(secret)))
  })

  it('derives independent keys', () => {
    const { encKey, macKey, indexKey } = deriveFieldKeys(secret)
    const hex = [encKey, macKey, indexKey].map((key) => Buffer.from(key).toString('hex'))
    expect(new Set(hex).size).toBe(3)
    expect(hex[1]?.startsWith(hex[0] ?? '')).toBe(false)
  })

  it('rejects short master secrets', () => {
    expect(() => deriveFieldKeys('too short')).toThrow(RangeError)
  })
})
