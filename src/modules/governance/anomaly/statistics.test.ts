import { describe, expect, it } from 'vitest'
import { iqrFences, iqrScore } from './iqr.js'
import { median, quantile } from './quantile.js'
import { modifiedZScore, robustBaseline } from './robust-z.js'

describe('quantile', () => {
  it('interpolates linearly between order statistics (Hyndman & Fan type 7)', () => {
    const sorted = [1, 2, 3, 4]
    expect([0, 0.25, 0.5, 0.75, 1].map((p) => quantile(sorted, p))).toEqual([1, 1.75, 2.5, 3.25, 4])
    expect(median([7])).toBe(7)
  })

  it('refuses no values and a p outside [0, 1]', () => {
    expect(() => quantile([], 0.5)).toThrow(RangeError)
    expect(() => quantile([1], 1.5)).toThrow(RangeError)
  })
})

describe('robustBaseline and modifiedZScore', () => {
  it('measures spread by the median absolute deviation', () => {
    const baseline = robustBaseline([1, 2, 3, 4, 100])
    expect(baseline).toMatchObject({ median: 3, mad: 1, spread: 'mad' })
    expect(modifiedZScore(100, baseline)).toBeCloseTo(65.4265, 4)
  })

  it('scores the median 0 and anything else null when nothing varies', () => {
    const baseline = robustBaseline([4, 4, 4])
    expect(modifiedZScore(4, baseline)).toBe(0)
    expect(modifiedZScore(5, baseline)).toBeNull()
  })
})

describe('iqrFences', () => {
  it('places the fences k IQRs beyond the quartiles', () => {
    const fences = iqrFences([1, 2, 3, 4, 5, 6, 7, 8, 9], 1.5)
    expect(fences).toEqual({ q1: 3, q3: 7, iqr: 4, lower: -3, upper: 13, k: 1.5 })
    expect(iqrScore(15, fences)).toBe(2)
    expect(iqrScore(5, fences)).toBe(0)
  })
})
