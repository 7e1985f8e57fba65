import { quantile } from './quantile.js'

export interface IqrFences {
  q1: number
  q3: number
  iqr: number
  /** Q1 − k·IQR */
  lower: number
  /** Q3 + k·IQR */
  upper: number
  k: number
}

/** Tukey's fences over ascending `sorted` values, quartiles by Hyndman & Fan definition 7. */
export function iqrFences(sorted: readonly number[], k = 1.5): IqrFences {
  const q1 = quantile(sorted, 0.25)
  const q3 = quantile(sorted, 0.75)
  const iqr = q3 - q1
  return { q1, q3, iqr, lower: q1 - k * iqr, upper: q3 + k * iqr, k }
}

/**
 * How far outside the fences a value lies, in IQRs beyond the nearer quartile (so it is
 * flagged when the score exceeds k). With IQR 0 a value off the quartile has no finite
 * score: null.
 */
export function iqrScore(value: number, fences: IqrFences): number | null {
  const beyond = value > fences.q3 ? value - fences.q3 : value < fences.q1 ? fences.q1 - value : 0
  if (beyond === 0) return 0
  return fences.iqr === 0 ? null : beyond / fences.iqr
}

export function isOutsideFences(value: number, fences: IqrFences): boolean {
  return value < fences.lower || value > fences.upper
}
