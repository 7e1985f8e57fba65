import { median, sortAscending } from './quantile.js'

/** How a robust baseline measures spread; 'none' when every value equals the median. */
export type SpreadMeasure = 'mad' | 'mean-absolute-deviation' | 'none'

export interface RobustBaseline {
  count: number
  median: number
  /** Median absolute deviation from the median. */
  mad: number
  /** Mean absolute deviation from the median, the fallback when MAD is 0. */
  meanAbsoluteDeviation: number
  spread: SpreadMeasure
}

export function robustBaseline(values: readonly number[]): RobustBaseline {
  const sorted = sortAscending(values)
  const centre = median(sorted)
  const deviations = values.map((value) => Math.abs(value - centre))
  const mad = median(sortAscending(deviations))
  const meanAbsoluteDeviation = deviations.reduce((sum, d) => sum + d, 0) / values.length
  const spread = mad > 0 ? 'mad' : meanAbsoluteDeviation > 0 ? 'mean-absolute-deviation' : 'none'
  return { count: values.length, median: centre, mad, meanAbsoluteDeviation, spread }
}

/**
 * Iglewicz and Hoaglin's modified z-score, 0.6745·(x − median)/MAD. When more than half the
 * values are equal MAD is 0; the score then uses the mean absolute deviation,
 * (x − median)/(1.253314·MeanAD), as IBM SPSS does. With no spread at all the score is 0 for
 * the median and null (unbounded) for anything else.
 */
export function modifiedZScore(value: number, baseline: RobustBaseline): number | null {
  const distance = value - baseline.median
  switch (baseline.spread) {
    case 'mad':
      return (0.6745 * distance) / baseline.mad
    case 'mean-absolute-deviation':
      return distance / (1.253314 * baseline.meanAbsoluteDeviation)
    case 'none':
      return distance === 0 ? 0 : null
  }
}
