import { describe, expect, it } from 'vitest'
import { createHeavyHitters } from './heavy-hitters.js'
import { createRunningStats } from './running-stats.js'
import { classifyValue } from './value-kind.js'
import { valuePattern } from './value-pattern.js'

describe('createHeavyHitters', () => {
  it('counts exactly while the values fit in the counters', () => {
    const hitters = createHeavyHitters(3)
    for (const value of ['a', 'b', 'a', 'c', 'a', 'b']) hitters.add(value)
    expect(hitters.top(2)).toEqual([
      { value: 'a', count: 3 },
      { value: 'b', count: 2 },
    ])
    expect(hitters.maxUndercount()).toBe(0)
  })

  it('keeps a value seen more than n / (capacity + 1) times, undercounting within the bound', () => {
    const hitters = createHeavyHitters(4)
    for (let i = 0; i < 1000; i++) hitters.add(i % 4 === 0 ? 'hot' : `cold${i}`)
    const [first] = hitters.top(1)
    expect(first?.value).toBe('hot')
    expect(first!.count + hitters.maxUndercount()).toBeGreaterThanOrEqual(250)
    expect(first!.count).toBeLessThanOrEqual(250)
  })
})

describe('createRunningStats', () => {
  it('matches the two-pass mean and sample standard deviation', () => {
    const stats = createRunningStats()
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) stats.add(x)
    const summary = stats.summary()
    expect(summary).toMatchObject({ count: 8, min: 2, max: 9, mean: 5 })
    expect(summary?.stddev).toBeCloseTo(Math.sqrt(32 / 7), 12)
  })

  it('stays accurate for large values with a small spread', () => {
    const stats = createRunningStats()
    for (const x of [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]) stats.add(x)
    expect(stats.summary()?.stddev).toBeCloseTo(Math.sqrt(30), 6)
  })

  it('has no stddev for one value and no summary for none', () => {
    expect(createRunningStats().summary()).toBeNull()
    const one = createRunningStats()
    one.add(3)
    expect(one.summary()?.stddev).toBeNull()
  })
})

describe('valuePattern', () => {
  it('maps digits, Latin letters and Han characters to classes and keeps punctuation', () => {
    expect(valuePattern('浙A·12345')).toBe('汉A·99999')
    expect(valuePattern('0571-87654321')).toBe('9999-99999999')
    expect(valuePattern('zhang.san@gov.cn')).toBe('aaaaa.aaa@aaa.aa')
  })

  it('keeps full-width digits visible and cuts long values', () => {
    expect(valuePattern('１２3')).toBe('１２9')
    expect(valuePattern('x'.repeat(50), 5)).toBe('aaaaa…')
  })
})

describe('classifyValue', () => {
  it('tells integers, decimals, dates and text apart', () => {
    expect(
      ['42', '-7', '0', '3.14', '2024-02-29', '2023-02-29', '007', '1e5', ''].map(classifyValue),
    ).toEqual(['integer', 'integer', 'integer', 'decimal', 'date', 'text', 'text', 'text', 'text'])
  })
})

describe('merging summaries of parts', () => {
  it('keeps the heavy hitters of both parts within the undercount bound', () => {
    const values = Array.from({ length: 6_000 }, (_, i) =>
      i % 3 === 0 ? 'frequent' : i % 7 === 0 ? 'common' : `rare-${i}`,
    )
    const truth = new Map<string, number>()
    for (const value of values) truth.set(value, (truth.get(value) ?? 0) + 1)
    const left = createHeavyHitters(10)
    const right = createHeavyHitters(10)
    values.forEach((value, i) => (i < 2_500 ? left : right).add(value))
    left.merge(right.state())
    const top = left.top(2)
    expect(top.map((entry) => entry.value)).toEqual(['frequent', 'common'])
    for (const { value, count } of top) {
      expect(count).toBeLessThanOrEqual(truth.get(value) ?? 0)
      expect(count + left.maxUndercount()).toBeGreaterThanOrEqual(truth.get(value) ?? 0)
    }
  })
})
