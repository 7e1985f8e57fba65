import { MISSING_LEVEL } from './fellegi-sunter.js'
import type { ComparisonPatterns } from './fellegi-sunter.js'

const LAMBDA_BOUND = 1e-9
const FLOOR = 1e-300
const BISECTIONS = 100

/** log P(pattern | class) of every pattern, the excluded and missing fields skipped. */
export const patternLogLikelihoods = (
  data: ComparisonPatterns,
  probs: readonly (readonly number[])[],
  excluded: ReadonlySet<number> = new Set(),
): Float64Array =>
  Float64Array.from(data.counts, (_, p) => {
    let sum = 0
    for (let f = 0; f < data.fieldCount; f++) {
      const level = data.patterns[p * data.fieldCount + f] ?? MISSING_LEVEL
      if (level === MISSING_LEVEL || excluded.has(f)) continue
      sum += Math.log(Math.max(FLOOR, probs[f]?.[level] ?? 0))
    }
    return sum
  })

/** d/dλ of one pair's log-likelihood log(λR + 1 − λ), R its likelihood ratio m/u. */
const slopeOf = (logRatio: number, lambda: number): number => {
  if (logRatio <= 0) {
    const ratio = Math.exp(logRatio)
    return (ratio - 1) / (lambda * ratio + 1 - lambda)
  }
  const inverse = Math.exp(-logRatio) // R may overflow; divide through by it
  return (1 - inverse) / (lambda + (1 - lambda) * inverse)
}

/**
 * The match share λ of the pairs that maximises their likelihood with m and u fixed. The
 * log-likelihood is concave in λ, so its slope falls monotonically: bisection finds the one
 * maximum whatever the start.
 */
export const fitLambda = (
  data: ComparisonPatterns,
  m: readonly (readonly number[])[],
  u: readonly (readonly number[])[],
): number => {
  const logM = patternLogLikelihoods(data, m)
  const logU = patternLogLikelihoods(data, u)
  const slope = (lambda: number): number =>
    data.counts.reduce((sum, n, p) => sum + n * slopeOf((logM[p] ?? 0) - (logU[p] ?? 0), lambda), 0)
  let low = LAMBDA_BOUND
  let high = 1 - LAMBDA_BOUND
  if (data.counts.length === 0 || slope(low) <= 0) return low
  if (slope(high) >= 0) return high
  for (let i = 0; i < BISECTIONS; i++) {
    const middle = (low + high) / 2
    if (slope(middle) > 0) low = middle
    else high = middle
  }
  return (low + high) / 2
}
