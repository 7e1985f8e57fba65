/** Duplicate detection (entity resolution) for persons and enterprises: a pure library. */

// findDuplicates(records, config) → clusters, possible pairs, pairs compared, block stats, model.
export { findDuplicates } from './dedup.js'
export type { DedupModel, DedupResult } from './dedup.js'
// Person fields name/birthDate/idNumber/phone/address and enterprise fields name/creditCode/address/legalRepresentative.
export { ENTERPRISE_PRESET, PERSON_PRESET } from './presets.js'
// applyReviewDecisions(clusters, decisions) → clusters honouring confirmed and split decisions.
export { applyReviewDecisions } from './review-decisions.js'
// pairwiseScores(clusters, ids, entityOf) → pairwise precision and recall against a known truth.
export { pairwiseScores } from './pairwise-scores.js'
export type { PairwiseScores } from './pairwise-scores.js'
// buildClusters(matchedPairs) → union-find clusters with confidence and per-field evidence.
export { buildClusters } from './clusters.js'

// Levels each comparator can report, best first ('missing' aside).
export { COMPARATOR_LEVELS } from './types.js'
// LEVEL_LABELS[level] → { zh, en } for showing evidence to a reviewer.
export { LEVEL_LABELS } from './level-labels.js'
export type { BlockingRule, ComparatorKind, ComparisonLevel, DedupConfig } from './types.js'
export type { DedupRecord, DuplicateCluster, EmOptions, FieldComparison } from './types.js'
export type { FieldEvidence, FieldSpec, KeyPart, KeyTransform, ReviewDecision } from './types.js'
export type { ScoredPair, Thresholds } from './types.js'

// normalizePersonName('张伟') → tokens zhang wei, initials zw; Latin names lowercased without accents.
export { normalizePersonName } from './normalize.js'
// normalizeOrganisationName('示范市通达科技有限公司') → 通达科技 (region prefix and legal form dropped).
export { normalizeOrganisationName } from './normalize.js'
// normalizeLatin(text) → lowercase, accents stripped, punctuation removed.
export { normalizeLatin } from './normalize.js'
// toPinyin(han, { surname? }) → toneless syllables.
export { toPinyin } from './normalize.js'
// normalizeDate(text) → 'YYYY-MM-DD' from year-first forms, or null.
export { normalizeDate } from './normalize.js'
// normalizeCode(text) → uppercase code without separators or +86, or null.
export { normalizeCode } from './normalize.js'
// soundex(text) → American Soundex of the romanised text.
export { soundex } from './normalize.js'
export type { NormalizedName } from './normalize.js'
// normalizeAddress(text) → NFKC, whitespace collapsed, Chinese units split into tokens.
export { normalizeAddress } from './address.js'
export type { NormalizedAddress } from './address.js'

// jaro(a, b) and jaroWinkler(a, b, prefixScale = 0.1) → similarity in [0, 1].
export { jaro, jaroWinkler } from './jaro-winkler.js'
// levenshteinSimilarity(a, b) → 1 − distance / longer length.
export { levenshteinSimilarity } from './comparators.js'
// compareExact / compareCodes / compareNames / compareDates / compareAddresses → a comparison level.
export { compareAddresses, compareCodes, compareDates, compareExact } from './comparators.js'
export { compareNames } from './comparators.js'
// addressSimilarity(a, b) → token and bigram Jaccard, and containment.
export { addressSimilarity } from './comparators.js'

// generateCandidatePairs(keysByRule, ruleNames, maxBlockSize) → deduplicated pairs and block stats.
export { allPairsCount, generateCandidatePairs } from './blocking.js'
export type { BlockStats, CandidatePairs } from './blocking.js'

// compressPatterns(vectors, fieldCount) → distinct comparison patterns with counts.
export { compressPatterns } from './fellegi-sunter.js'
// estimateU(fields, n, samplePairs) → u per field level from random record pairs.
export { estimateU } from './u-sampling.js'
// trainModel(patterns, levelCounts, u, sessions, options) → m by EM per blocking rule, u fixed, λ.
export { trainModel } from './training.js'
export type { TrainingSession } from './training.js'
// matchWeights(model) → log2(m/u); totalWeight(levels, weights) → their sum over present fields.
export { matchWeights, totalWeight } from './fellegi-sunter.js'
// posteriorProbability(weight, λ) → P(match); classify(posterior, thresholds) → match/possible/non-match.
export {
  classify,
  DEFAULT_THRESHOLDS,
  MISSING_LEVEL,
  posteriorProbability,
} from './fellegi-sunter.js'
export type { ComparisonPatterns, FellegiSunterModel, MatchStatus } from './fellegi-sunter.js'
export type { SessionOutcome } from './fellegi-sunter.js'
