import { describe, expect, it } from 'vitest'
import { checkQualityDrop, type QualityPoint } from './quality-drop.js'

const daily = (scores: readonly number[]): QualityPoint[] =>
  scores.map((score, i) => ({ at: `2026-03-${String(i + 1).padStart(2, '0')}`, score }))

const steady = [92, 93, 91, 92, 94, 93, 92, 91, 93, 92]

describe('checkQualityDrop', () => {
  it('raises no alert for a stable dataset', () => {
    expect(checkQualityDrop(daily([...steady, 92]))).toBeNull()
    expect(checkQualityDrop(daily([...steady, 91]))).toBeNull()
  })

  it('raises a critical alert when the dataset gets much worse', () => {
    const alert = checkQualityDrop(daily([...steady, 70]))
    expect(alert).toMatchObject({
      kind: 'quality-drop',
      severity: 'critical',
      at: '2026-03-11',
      score: 70,
      drop: 22,
      rules: ['robust-z', 'absolute-drop'],
    })
    expect(alert?.baseline).toMatchObject({ count: 10, median: 92, mad: 1 })
    expect(alert?.modifiedZ).toBeCloseTo(-14.839, 3)
    expect(alert?.reason).toEqual({
      zh: '质量分 70 较此前 10 个点的中位数 92 下降 22 分（修正 Z 分数 -14.84）',
      en: 'Quality score 70 is 22 points below the median 92 of the previous 10 points (modified z-score -14.84)',
    })
  })

  it('warns on a small drop that is unusual for a very steady history', () => {
    const calm = [92, 92.5, 91.5, 92, 92.5, 91.5, 92, 92]
    // median 92, MAD 0.25: z = 0.6745 × −2.2 / 0.25 ≈ −5.94
    const alert = checkQualityDrop(daily([...calm, 89.8]))
    expect(alert).toMatchObject({ severity: 'warning', rules: ['robust-z'] })
  })

  it('warns on a large absolute drop even in a noisy history', () => {
    const noisy = [60, 95, 70, 90, 65, 85, 75, 80]
    // median 77.5, MAD 10: z ≈ −0.84, but 12.5 points lost
    const alert = checkQualityDrop(daily([...noisy, 65]))
    expect(alert).toMatchObject({ severity: 'warning', rules: ['absolute-drop'], drop: 12.5 })
  })

  it('treats any real drop from a flat history as significant', () => {
    const alert = checkQualityDrop(daily([100, 100, 100, 100, 100, 97]))
    expect(alert).toMatchObject({ severity: 'warning', modifiedZ: null })
    expect(alert?.reason.en).toContain('did not vary')
    expect(checkQualityDrop(daily([100, 100, 100, 100, 100, 99]))).toBeNull()
  })

  it('uses only the absolute rule while the history is short', () => {
    expect(checkQualityDrop(daily([95, 96, 95, 90]))).toBeNull()
    expect(checkQualityDrop(daily([95, 96, 95, 70]))).toMatchObject({
      severity: 'critical',
      rules: ['absolute-drop'],
    })
  })

  it('looks only at the last baselineSize points before the latest', () => {
    const settledLower = daily([99, 99, 99, 99, 99, 80, 81, 80, 79, 80, 80])
    expect(checkQualityDrop(settledLower, { baselineSize: 5 })).toBeNull()
    expect(checkQualityDrop(settledLower, { baselineSize: 10 })?.baseline.median).toBe(90)
  })

  it('ignores improvements and histories with nothing to compare', () => {
    expect(checkQualityDrop(daily([...steady, 99]))).toBeNull()
    expect(checkQualityDrop(daily([80]))).toBeNull()
    expect(checkQualityDrop([])).toBeNull()
  })
})
