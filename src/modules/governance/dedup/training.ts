import type { ComparisonPatterns, FellegiSunterModel, SessionOutcome } from './fellegi-sunter.js'
import { expectedCounts } from './expected-counts.js'
import { patternLogLikelihoods } from './lambda.js'
import { fitCandidateU } from './non-match-fit.js'
import { monotoneRatioFit } from './monotone.js'
import type { EmOptions } from './types.js'

/**
 * The candidate pairs one blocking rule selects (every pair agreeing on its key, counted per
 * pattern) and the fields its key reads: those agree by construction, so they say nothing about
 * a pair being a match and are left out of this rule's training.
 */
export interface TrainingSession {
  readonly name: string
  readonly counts: Float64Array
  readonly excluded: ReadonlySet<number>
}

const DEFAULTS = { maxIterations: 200, tolerance: 1e-6, initialLambda: 0.5 }
/** How many matched pairs the prior m is worth: data outweighs it once a few matches are seen. */
const PRIOR_PAIRS = 10
const LAMBDA_BOUND = 1e-9
const MIN_FIELDS = 2

/** The prior m: a match mostly reaches a field's best levels (each level 4× the next). */
export const priorM = (levelCounts: readonly number[]): number[][] =>
  levelCounts.map((n) => {
    const row = Array.from({ length: n }, (_, l) => 4 ** (n - 1 - l))
    const total = row.reduce((a, b) => a + b, 0)
    return row.map((v) => v / total)
  })

/** m fitted to expected counts plus the prior's pseudo-pairs, monotone in m/u per field. */
const fitM = (
  expected: readonly (readonly number[])[],
  u: readonly (readonly number[])[],
  prior: readonly (readonly number[])[],
): number[][] =>
  prior.map((priorRow, f) => {
    const counts = priorRow.map((p, l) => PRIOR_PAIRS * p + (expected[f]?.[l] ?? 0))
    return monotoneRatioFit(counts, u[f] ?? []) ?? [...priorRow]
  })

interface SessionFit {
  readonly outcome: SessionOutcome
  /** Expected matched pairs per field and level; zero rows for excluded fields. */
  readonly expected: number[][]
}

const largestMove = (a: readonly (readonly number[])[], b: readonly (readonly number[])[]) =>
  Math.max(0, ...a.flatMap((row, f) => row.map((v, l) => Math.abs(v - (b[f]?.[l] ?? 0)))))

/** EM over one rule's pairs with u held fixed: m of the fields its key does not read, and λ. */
const fitSession = (
  data: ComparisonPatterns,
  levelCounts: readonly number[],
  u: readonly (readonly number[])[],
  session: TrainingSession,
  options: Required<Pick<EmOptions, 'maxIterations' | 'tolerance' | 'initialLambda'>>,
): SessionFit => {
  const prior = priorM(levelCounts)
  const pairs = session.counts.reduce((a, b) => a + b, 0)
  let expected = levelCounts.map((n) => new Array<number>(n).fill(0))
  // One field alone cannot tell a mixture of m and u from either: such a rule teaches nothing.
  if (pairs === 0 || data.fieldCount - session.excluded.size < MIN_FIELDS) {
    const outcome = { rule: session.name, pairs, trained: false, lambda: 0, matches: 0 }
    return { outcome: { ...outcome, iterations: 0, converged: true }, expected }
  }
  const logU = patternLogLikelihoods(data, u, session.excluded)
  let m = prior
  let lambda = options.initialLambda
  let iterations = 0
  let converged = false
  while (!converged && iterations < options.maxIterations) {
    iterations++
    const logM = patternLogLikelihoods(data, m, session.excluded)
    const logOdds = Math.log((1 - lambda) / lambda)
    const shares = Float64Array.from(
      logM,
      (lm, p) => 1 / (1 + Math.exp(logOdds + (logU[p] ?? 0) - lm)),
    )
    expected = expectedCounts(data, levelCounts, session.counts, shares)
    const matches = session.counts.reduce((sum, n, p) => sum + n * (shares[p] ?? 0), 0)
    const nextLambda = Math.min(1 - LAMBDA_BOUND, Math.max(LAMBDA_BOUND, matches / pairs))
    const fitted = fitM(expected, u, prior)
    const next = fitted.map((row, f) => (session.excluded.has(f) ? (prior[f] ?? row) : row))
    converged = Math.max(largestMove(m, next), Math.abs(lambda - nextLambda)) < options.tolerance
    m = next
    lambda = nextLambda
  }
  expected = expected.map((row, f) => (session.excluded.has(f) ? row.map(() => 0) : row))
  const matches = lambda * pairs
  return {
    outcome: { rule: session.name, pairs, trained: true, lambda, matches, iterations, converged },
    expected,
  }
}

/**
 * Fellegi–Sunter training without labels, in the way that keeps the match class the one that
 * agrees: u of random record pairs (`randomU`, almost all non-matches) is held fixed while EM per
 * blocking rule learns m of the fields that rule's key does not read, with m/u kept monotone over
 * each field's levels and a weak prior; the rules' expected matches are pooled into one m per
 * field. Then, m fixed, EM finds the candidates' own u and λ (fitCandidateU). A file with no
 * duplicates ends with λ near zero and m from the prior, instead of taking its commonest pairs
 * for the matches (which plain EM over the candidate pairs does).
 */
export const trainModel = (
  data: ComparisonPatterns,
  levelCounts: readonly number[],
  randomU: readonly (readonly number[])[],
  sessions: readonly TrainingSession[],
  options: EmOptions = {},
): FellegiSunterModel => {
  const settings = { ...DEFAULTS, ...options }
  const fits = sessions.map((s) => fitSession(data, levelCounts, randomU, s, settings))
  const pooled = levelCounts.map((n, f) =>
    Array.from({ length: n }, (_, l) =>
      fits.reduce((sum, fit) => sum + (fit.expected[f]?.[l] ?? 0), 0),
    ),
  )
  const m = fitM(pooled, randomU, priorM(levelCounts))
  const outcomes = fits.map((fit) => fit.outcome)
  const candidates = fitCandidateU(data, m, randomU, settings)
  return {
    m,
    u: candidates.u,
    lambda: candidates.lambda,
    iterations: Math.max(candidates.iterations, ...outcomes.map((o) => o.iterations)),
    converged: candidates.converged && outcomes.every((o) => o.converged),
    sessions: outcomes,
  }
}
