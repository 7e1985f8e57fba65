/**
 * Variants of an event log: the distinct activity sequences of its cases, most frequent first.
 * This is the interface the mining algorithms (src/modules/insight/mining, conformance) consume.
 */

/** One variant: its activity sequence, how many cases follow it, and (bounded) which. */
export interface Variant {
  readonly activities: readonly string[]
  readonly count: number
  /** Some of the cases following this variant; bounded, so it may hold fewer than `count`. */
  readonly caseIds?: readonly string[]
}
