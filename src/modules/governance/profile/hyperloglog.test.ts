import { describe, expect, it } from 'vitest'
import { hash64 } from './hash64.js'
import { createHyperLogLog } from './hyperloglog.js'

const estimateOf = (values: Iterable<string>, precision?: number): number => {
  const sketch = createHyperLogLog(precision)
  for (const value of values) sketch.add(hash64(value))
  return sketch.estimate()
}

function* numbered(prefix: string, count: number): Generator<string> {
  for (let i = 0; i < count; i++) yield `${prefix}${i}`
}

describe('HyperLogLog', () => {
  it('estimates 100 000 distinct values within 3 standard errors', () => {
    const sketch = createHyperLogLog(14)
    for (const value of numbered('person-', 100_000)) sketch.add(hash64(value))
    const error = Math.abs(sketch.estimate() - 100_000) / 100_000
    expect(sketch.standardError).toBeCloseTo(0.0081, 4)
    expect(error).toBeLessThan(3 * sketch.standardError)
  })

  it('keeps the error near 1.6 % at precision 12 over several independent sets', () => {
    const errors = ['a', 'b', 'c', 'd', 'e'].map(
      (prefix) => (estimateOf(numbered(prefix, 100_000), 12) - 100_000) / 100_000,
    )
    const rms = Math.sqrt(errors.reduce((sum, e) => sum + e * e, 0) / errors.length)
    expect(rms).toBeLessThan(0.035)
  })

  it('ignores repeats of the same value', () => {
    const values = [...numbered('x', 1000), ...numbered('x', 1000), ...numbered('x', 1000)]
    expect(Math.abs(estimateOf(values) - 1000)).toBeLessThan(30)
  })

  it('is close at small cardinalities and zero when empty', () => {
    expect(estimateOf([])).toBe(0)
    expect(estimateOf(['only'])).toBe(1)
    expect(Math.abs(estimateOf(numbered('s', 50)) - 50)).toBeLessThanOrEqual(2)
  })

  it('refuses a precision outside 4..16', () => {
    expect(() => createHyperLogLog(3)).toThrow(RangeError)
    expect(() => createHyperLogLog(17)).toThrow(RangeError)
  })
})
