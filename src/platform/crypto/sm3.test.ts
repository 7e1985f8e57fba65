import { describe, expect, it } from 'vitest'
import { hmacSm3, hmacSm3Hex, sm3Hex } from './sm3.js'

describe('sm3Hex', () => {
  it('matches the GB/T 32905-2016 example 1 ("abc")', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0')
  })

  it('matches the GB/T 32905-2016 example 2 ("abcd" × 16)', () => {
    expect(sm3Hex('abcd'.repeat(16))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    )
  })

  it('hashes strings as UTF-8, same as their bytes', () => {
    expect(sm3Hex('浙江')).toBe(sm3Hex(new TextEncoder().encode('浙江')))
  })
})

describe('hmacSm3Hex', () => {
  it('follows RFC 2104 over SM3 with a 64-byte block', () => {
    const key = Buffer.from('key')
    const padded = Buffer.concat([key, Buffer.alloc(64 - key.length)])
    const xor = (pad: number) => Buffer.from(padded.map((byte) => byte ^ pad))
    const inner = Buffer.from(sm3Hex(Buffer.concat([xor(0x36), Buffer.from('message')])), 'hex')
    const expected = sm3Hex(Buffer.concat([xor(0x5c), inner]))
    expect(hmacSm3Hex('key', 'message')).toBe(expected)
  })

  it('depends on the key', () => {
    expect(hmacSm3Hex('key-a', 'message')).not.toBe(hmacSm3Hex('key-b', 'message'))
  })

  it('returns 32 raw bytes from hmacSm3', () => {
    expect(hmacSm3('key', 'message').toString('hex')).toBe(hmacSm3Hex('key', 'message'))
    expect(hmacSm3('key', 'message')).toHaveLength(32)
  })
})
