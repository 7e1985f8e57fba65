import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical-json.js'

const notCanonical = /^LICENCE_METADATA_NOT_CANONICAL/

describe('canonicalJson', () => {
  it('sorts keys by UTF-16 code units and leaves out whitespace', () => {
    expect(canonicalJson({ b: [1, 'x', null], a: { d: true, c: false }, B: 0 })).toBe(
      '{"B":0,"a":{"c":false,"d":true},"b":[1,"x",null]}',
    )
  })

  it('gives the same text whatever order the keys were added in', () => {
    expect(canonicalJson({ 名称: 1, code: 2 })).toBe(canonicalJson({ code: 2, 名称: 1 }))
  })

  it('normalises strings and keys to NFC and keeps Chinese unescaped', () => {
    const decomposed = 'Cafe\u0301'
    expect(canonicalJson({ [decomposed]: decomposed })).toBe('{"Café":"Café"}')
    expect(canonicalJson('证照')).toBe('"证照"')
  })

  it('writes numbers in ECMAScript form, negative zero as 0', () => {
    expect(canonicalJson([1e21, 0.1, -0, 100, 1.5e-7])).toBe('[1e+21,0.1,0,100,1.5e-7]')
  })

  it('escapes control characters and quotes', () => {
    expect(canonicalJson('a"\n\u0001')).toBe('"a\\"\\n\\u0001"')
  })

  it('leaves out members whose value is undefined', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}')
  })

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Infinity],
    ['an unpaired surrogate', 'x\uD800y'],
    ['undefined in an array', [undefined]],
    ['a Date', new Date(0)],
    ['a bigint', 1n],
    ['a function', () => 1],
    ['two keys equal under NFC', { 'Cafe\u0301': 1, Café: 2 }],
  ])('refuses %s', (_, value) => {
    expect(() => canonicalJson(value)).toThrow(notCanonical)
  })
})
