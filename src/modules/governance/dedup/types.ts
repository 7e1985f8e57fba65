/** One record to deduplicate: a stable id and named text fields, null when unknown. */
export interface DedupRecord {
  readonly id: string
  readonly fields: Readonly<Record<string, string | null | undefined>>
}

/** How a field is normalised and compared; each kind has its own comparison levels. */
export type ComparatorKind = 'exact' | 'edit-distance' | 'name' | 'org-name' | 'date' | 'address'

/** Comparison levels per comparator, best agreement first; 'missing' is implicit. */
export const COMPARATOR_LEVELS = {
  exact: ['exact', 'different'],
  'edit-distance': ['exact', 'close', 'similar', 'different'],
  name: ['exact', 'phonetic', 'close', 'similar', 'different'],
  'org-name': ['exact', 'phonetic', 'close', 'similar', 'different'],
  date: ['exact', 'transposed', 'one-component', 'year-near', 'different'],
  address: ['exact', 'close', 'similar', 'different'],
} as const satisfies Record<ComparatorKind, readonly string[]>

/** A comparison level of any comparator, or 'missing' when either side has no value. */
export type ComparisonLevel = (typeof COMPARATOR_LEVELS)[ComparatorKind][number] | 'missing'

export interface FieldSpec {
  readonly comparator: ComparatorKind
  /** Compared and shown as evidence, but carries no weight (e.g. a field kept for blocking). */
  readonly weightless?: boolean
  /**
   * Fields holding part of this one's information (a GB 11643 ID number holds the birth date):
   * a blocking rule reading either leaves both out of its training, since they agree together.
   */
  readonly related?: readonly string[]
}

/** What a blocking key takes from a normalised field value. */
export type KeyTransform = 'value' | 'surname' | 'given' | 'initials' | 'soundex' | 'year'

export interface KeyPart {
  readonly field: string
  /** Defaults to 'value', the normalised comparison string. */
  readonly transform?: KeyTransform
  /** Keep only the first N characters of the transformed value. */
  readonly prefix?: number
}

/**
 * Records sharing every part of a rule's key (none null) form a block; all its pairs are compared.
 * A rule without parts puts every record in one block: brute force, given a large maxBlockSize.
 */
export interface BlockingRule {
  readonly name: string
  readonly parts: readonly KeyPart[]
}

/** Posterior match probability cut-offs: ≥ match clusters, ≥ possible goes to review. */
export interface Thresholds {
  readonly match: number
  readonly possible: number
}

export interface DedupConfig {
  readonly fields: Readonly<Record<string, FieldSpec>>
  readonly blocking: readonly BlockingRule[]
  /** Blocks larger than this are skipped and reported; default 1000. */
  readonly maxBlockSize?: number
  readonly thresholds?: Thresholds
  readonly em?: EmOptions
}

export interface EmOptions {
  /** Per blocking rule; default 200. */
  readonly maxIterations?: number
  /** Stop when no probability moves by more than this; default 1e-6. */
  readonly tolerance?: number
  /** Starting match proportion among a blocking rule's pairs; default 0.5. */
  readonly initialLambda?: number
  /** Random record pairs drawn to estimate u; default 5 per record, 20,000–100,000. */
  readonly uSamplePairs?: number
}

/** A field's level and its log2 match weight in one compared pair. */
export interface FieldComparison {
  readonly level: ComparisonLevel
  readonly weight: number
}

/** A compared pair with its total weight, posterior match probability and per-field evidence. */
export interface ScoredPair {
  readonly a: string
  readonly b: string
  readonly weight: number
  readonly posterior: number
  readonly fields: Readonly<Record<string, FieldComparison>>
}

/** How many pairs of a cluster's edges reached a field level, and that level's weight. */
export interface FieldEvidence {
  readonly field: string
  readonly level: ComparisonLevel
  readonly weight: number
  readonly pairs: number
}

export interface DuplicateCluster {
  /** The smallest record id of the cluster; stable while its membership is. */
  readonly id: string
  /** Sorted. */
  readonly recordIds: readonly string[]
  /** Weakest posterior among the edges that hold the cluster together; 1 once confirmed. */
  readonly confidence: number
  readonly meanPosterior: number
  readonly review: 'unreviewed' | 'confirmed'
  readonly edges: readonly ScoredPair[]
  readonly evidence: readonly FieldEvidence[]
}

/** A reviewer's kept decision; later decisions override earlier ones for the records they name. */
export type ReviewDecision =
  | { readonly kind: 'confirm'; readonly recordIds: readonly string[] }
  | { readonly kind: 'split'; readonly groups: readonly (readonly string[])[] }
