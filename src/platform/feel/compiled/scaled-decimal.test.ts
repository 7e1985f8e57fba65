import { describe, expect, it } from 'vitest'
import { add, Dec, divide, multiply, subtract } from './decimal.js'
import { scaledProduct, scaledQuotient, scaledSum, scaleOf } from './scaled-decimal.js'

/** decimal.js on every operation: what add / subtract / multiply / divide must equal. */
const reference = {
  add: (a: number, b: number) => new Dec(a).plus(b).toNumber(),
  subtract: (a: number, b: number) => new Dec(a).minus(b).toNumber(),
  multiply: (a: number, b: number) => new Dec(a).times(b).toNumber(),
  divide: (a: number, b: number) => (b === 0 ? null : new Dec(a).div(b).toNumber()),
}
const fast = { add, subtract, multiply, divide }
const scaledOnly = {
  add: scaledSum,
  subtract: (a: number, b: number) => scaledSum(a, -b),
  multiply: scaledProduct,
  divide: (a: number, b: number) => (b === 0 ? undefined : scaledQuotient(a, b)),
}
type Op = keyof typeof reference

function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** Amounts to the fen, shares, long fractions, huge and tiny values, zeros of both signs. */
function operand(next: () => number): number {
  const sign = next() < 0.3 ? -1 : 1
  const shape = Math.floor(next() * 9)
  const places = Math.floor(next() * 12)
  switch (shape) {
    case 0:
      return sign * Math.round(next() * 10 ** Math.floor(next() * 16))
    case 1:
      return (sign * Math.round(next() * 1e9)) / 100
    case 2:
      return (sign * Math.round(next() * 10 ** places)) / 10 ** places
    case 3:
      return sign * next() * 10 ** (Math.floor(next() * 40) - 20)
    case 4:
      return sign * 10 ** (Math.floor(next() * 600) - 300)
    case 5:
      return sign * 0
    case 6:
      return (sign * Math.round(next() * 2 ** 53)) / 10 ** places
    case 7:
      return sign * (Math.round(next() * 1000) / 1000 + 2 ** Math.floor(next() * 60))
    default:
      return sign * (1 / (1 + Math.floor(next() * 12)))
  }
}

const ops: Op[] = ['add', 'subtract', 'multiply', 'divide']

describe('arithmetic without decimal.js gives decimal.js results', () => {
  it.each([
    ['add', 0.1, 0.2, 0.3],
    ['subtract', 0.3, 0.1, 0.2],
    ['multiply', 1.1, 3, 3.3],
    ['divide', 3, 100, 0.03],
    ['divide', 1, 3, 0.3333333333333333],
    ['multiply', 1 / 3, 3, 0.9999999999999999],
    ['divide', 12345.67, 411522.33, 12345.67 / 411522.33],
    ['add', 1e20, 0.5, 100000000000000000000.5],
    ['multiply', 1e-300, 1e-300, 0],
    ['divide', 1e300, 1e-300, Infinity],
    ['subtract', -0, 0.5, -0.5],
  ] as const)('%s(%s, %s) = %s', (op, a, b, expected) => {
    expect(fast[op](a, b)).toBe(reference[op](a, b))
    expect(fast[op](a, b)).toBe(expected)
  })

  it('keeps the sign of zero', () => {
    expect(Object.is(multiply(-1.5, 0), -0)).toBe(true)
    expect(Object.is(multiply(1.5, -0), -0)).toBe(true)
    expect(Object.is(divide(0, -1.5), -0)).toBe(true)
    expect(Object.is(divide(-0, 2.5), -0)).toBe(true)
    expect(Object.is(add(0.5, -0.5), 0)).toBe(true)
    expect(Object.is(subtract(0.5, 0.5), 0)).toBe(true)
  })

  it('reads the shortest decimal form of simple operands only', () => {
    expect(scaleOf(12345.67)).toBe(2)
    expect(scaleOf(0.03)).toBe(2)
    expect(scaleOf(5)).toBe(0)
    expect(scaleOf(0.1 + 0.2)).toBe(-1)
    expect(scaleOf(1 / 3)).toBe(-1)
    expect(scaleOf(2 ** 60)).toBe(-1)
    expect(scaleOf(NaN)).toBe(-1)
    expect(scaleOf(Infinity)).toBe(-1)
    expect(scaledSum(1 / 3, 1)).toBeUndefined()
    expect(scaledProduct(2 ** 40 + 0.5, 2 ** 20 + 0.5)).toBeUndefined()
    expect(scaledQuotient(1e15 + 0.5, 3)).toBeUndefined()
  })

  it.each(ops)('%s agrees with decimal.js on 50,000 random operand pairs', (op) => {
    const next = random(ops.indexOf(op) + 7)
    let differences = 0
    let scaled = 0
    const examples: string[] = []
    for (let i = 0; i < 50_000; i++) {
      const a = operand(next)
      const b = operand(next)
      if (scaledOnly[op](a, b) !== undefined) scaled++
      const got = fast[op](a, b)
      const want = reference[op](a, b)
      if (Object.is(got, want)) continue
      differences++
      if (examples.length < 5) examples.push(`${a} ${op} ${b}: ${got} ≠ ${want}`)
    }
    expect(examples).toEqual([])
    expect(differences).toBe(0)
    // the check means something only if many pairs took the path without decimal.js
    expect(scaled).toBeGreaterThan(10_000)
  })

  it('handles NaN and infinities as decimal.js does', () => {
    for (const op of ops) {
      for (const [a, b] of [
        [NaN, 1.5],
        [Infinity, 0.5],
        [-Infinity, 2.5],
        [1.5, Infinity],
      ] as const) {
        expect(Object.is(fast[op](a, b), reference[op](a, b))).toBe(true)
      }
    }
  })
})
