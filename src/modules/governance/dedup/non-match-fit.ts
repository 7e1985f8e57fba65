import type { ComparisonPatterns } from './fellegi-sunter.js'
import { fitLambda, patternLogLikelihoods } from './lambda.js'
import { expectedCounts } from './expected-counts.js'
import { monotoneRatioFit } from './monotone.js'

/** How much the random-pair u weighs as a prior: as if this share of the pairs were drawn from it. */
const PRIOR_SHARE = 0.01
const LAMBDA_BOUND = 1e-9

/** u fitted to counts, u/m never falling from a field's best level to its worst. */
const fitU = (counts: readonly number[], m: readonly number[]): number[] | null => {
  const fitted = monotoneRatioFit([...counts].reverse(), [...m].reverse())
  return fitted === null ? null : fitted.reverse()
}

const largestMove = (a: readonly (readonly number[])[], b: readonly (readonly number[])[]) =>
  Math.max(0, ...a.flatMap((row, f) => row.map((v, l) => Math.abs(v - (b[f]?.[l] ?? 0)))))

/**
 * u and λ among the candidate pairs, m held fixed. Blocking selects pairs that agree more than
 * random ones (same surname and birth year, so similar ID numbers too), so the weights that score
 * those pairs need the non-match distribution of the candidates, not of random pairs. EM finds
 * it with the random-pair u as its start and prior; with m fixed the match class cannot swap
 * sides, and u/m is kept monotone so agreement never counts against a match.
 */
export const fitCandidateU = (
  data: ComparisonPatterns,
  m: readonly (readonly number[])[],
  randomU: readonly (readonly number[])[],
  options: { maxIterations: number; tolerance: number },
): { u: number[][]; lambda: number; iterations: number; converged: boolean } => {
  const pairs = data.counts.reduce((a, b) => a + b, 0)
  const logM = patternLogLikelihoods(data, m)
  let u = randomU.map((row) => [...row])
  let lambda = fitLambda(data, m, u)
  let iterations = 0
  let converged = pairs === 0
  while (!converged && iterations < options.maxIterations) {
    iterations++
    const logU = patternLogLikelihoods(data, u)
    const logOdds = Math.log((1 - lambda) / lambda)
    const nonMatch = Float64Array.from(
      logM,
      (lm, p) => 1 - 1 / (1 + Math.exp(logOdds + (logU[p] ?? 0) - lm)),
    )
    const expected = expectedCounts(
      data,
      m.map((row) => row.length),
      data.counts,
      nonMatch,
    )
    const nonMatches = data.counts.reduce((sum, n, p) => sum + n * (nonMatch[p] ?? 0), 0)
    const nextLambda = Math.min(1 - LAMBDA_BOUND, Math.max(LAMBDA_BOUND, 1 - nonMatches / pairs))
    const next = randomU.map((priorRow, f) => {
      const counts = priorRow.map((p, l) => PRIOR_SHARE * pairs * p + (expected[f]?.[l] ?? 0))
      return fitU(counts, m[f] ?? []) ?? [...priorRow]
    })
    converged = Math.max(largestMove(u, next), Math.abs(lambda - nextLambda)) < options.tolerance
    u = next
    lambda = nextLambda
  }
  return { u, lambda, iterations, converged }
}
