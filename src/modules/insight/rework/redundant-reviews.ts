import { findAttribute, type EventLog } from '../log/event-log.js'
import { PairIndex } from '../discovery/pair-index.js'

export interface RedundantReviewOptions {
  /** The activities that are reviews (default: every activity). */
  readonly reviews?: readonly string[]
  /** Event attribute holding a review's decision (default 'outcome'). */
  readonly outcomeAttribute?: string
  /** Event attribute naming the material reviewed; when set, both reviews must name the same. */
  readonly materialAttribute?: string
  /** Least share of a review's occurrences that come right after the same earlier review. */
  readonly minFollowShare?: number
  /** Most share of those occurrences in which it changes the outcome. */
  readonly maxChangeShare?: number
  /** Reviews seen fewer times are not judged. */
  readonly minOccurrences?: number
  readonly examples?: number
}

/** A review that almost never changes the outcome and always follows another review. */
export interface RedundantReviewCandidate {
  readonly activity: string
  /** The review it follows. */
  readonly follows: string
  readonly occurrences: number
  /** Occurrences right after `follows` (with only non-review steps between, same material). */
  readonly afterReview: number
  readonly followShare: number
  /**
   * How a change of outcome was judged: the decisions of both reviews differ ('outcome'), or
   * — without a decision attribute — the step after it is not its usual successor (`successor`;
   * a step that usually ends the case is not judged so).
   */
  readonly judgedBy: 'outcome' | 'successor'
  /** Occurrences after `follows` whose outcome could be judged, and those that changed it. */
  readonly judged: number
  readonly changed: number
  readonly changeShare: number
  readonly cases: number
  readonly exampleCases: readonly string[]
  readonly changedCases: readonly string[]
}

interface PairTally {
  count: number
  judged: number
  changed: number
  cases: number
  lastCase: number
  examples: string[]
  changedExamples: string[]
}

/** Usual successor of each activity in the log (-2 for none: the case ends there). */
function usualSuccessors(log: EventLog): Int32Array {
  const pairs = new PairIndex(log.activityNames.length + 1)
  const counts: number[] = []
  const end = log.activityNames.length
  for (let c = 0; c < log.caseCount; c++) {
    const to = log.caseStart[c + 1] as number
    for (let e = log.caseStart[c] as number; e < to; e++) {
      const next = e + 1 < to ? (log.activity[e + 1] as number) : end
      const id = pairs.id(log.activity[e] as number, next)
      counts[id] = (counts[id] ?? 0) + 1
    }
  }
  const best = new Int32Array(log.activityNames.length).fill(-2)
  const bestCount = new Int32Array(log.activityNames.length)
  for (let id = 0; id < pairs.count; id++) {
    const a = pairs.from[id] as number
    if ((counts[id] as number) > (bestCount[a] as number)) {
      bestCount[a] = counts[id] as number
      best[a] = pairs.to[id] === end ? -1 : (pairs.to[id] as number)
    }
  }
  return best
}

/** Candidate redundant reviews with their evidence (counts and cases). */
export function redundantReviews(
  log: EventLog,
  options: RedundantReviewOptions = {},
): RedundantReviewCandidate[] {
  const names = log.activityNames
  const reviewSet = options.reviews === undefined ? undefined : new Set(options.reviews)
  const isReview = Uint8Array.from(names, (n) =>
    reviewSet === undefined || reviewSet.has(n) ? 1 : 0,
  )
  const outcome = findAttribute(log.eventAttributes, options.outcomeAttribute ?? 'outcome')
  const material =
    options.materialAttribute === undefined
      ? undefined
      : findAttribute(log.eventAttributes, options.materialAttribute)
  const successor = outcome === undefined ? usualSuccessors(log) : undefined
  const maxExamples = options.examples ?? 10
  const occurrences = new Int32Array(names.length)
  const pairs = new PairIndex(names.length)
  const tallies: PairTally[] = []
  for (let c = 0; c < log.caseCount; c++) {
    const from = log.caseStart[c] as number
    const to = log.caseStart[c + 1] as number
    let previous = -1
    for (let e = from; e < to; e++) {
      const r = log.activity[e] as number
      if (isReview[r] !== 1) continue
      occurrences[r] = (occurrences[r] as number) + 1
      const q = previous
      previous = e
      if (q < 0 || log.activity[q] === r) continue
      if (material !== undefined && material.ids[q] !== material.ids[e]) continue
      const id = pairs.id(r, log.activity[q] as number)
      const tally = (tallies[id] ??= {
        count: 0,
        judged: 0,
        changed: 0,
        cases: 0,
        lastCase: -1,
        examples: [],
        changedExamples: [],
      })
      tally.count++
      if (tally.lastCase !== c) {
        tally.lastCase = c
        tally.cases++
        if (tally.examples.length < maxExamples) tally.examples.push(log.caseIds[c] as string)
      }
      const change = changedOutcome(log, q, e, to, outcome?.ids, successor)
      if (change === undefined) continue
      tally.judged++
      if (!change) continue
      tally.changed++
      const caseId = log.caseIds[c] as string
      if (tally.changedExamples.length < maxExamples && !tally.changedExamples.includes(caseId))
        tally.changedExamples.push(caseId)
    }
  }
  return candidates(
    names,
    occurrences,
    pairs,
    tallies,
    options,
    outcome === undefined ? 'successor' : 'outcome',
  )
}

/** Did review `e` change the outcome of review `q`? undefined when it cannot be told. */
function changedOutcome(
  log: EventLog,
  q: number,
  e: number,
  caseEnd: number,
  outcomeIds: Int32Array | undefined,
  successor: Int32Array | undefined,
): boolean | undefined {
  if (outcomeIds !== undefined) {
    const before = outcomeIds[q] as number
    const after = outcomeIds[e] as number
    return before < 0 || after < 0 ? undefined : before !== after
  }
  const usual = (successor as Int32Array)[log.activity[e] as number] as number
  // A step that usually ends the case leads nowhere to compare: it cannot be judged this way.
  if (usual === -1) return undefined
  const next = e + 1 < caseEnd ? (log.activity[e + 1] as number) : -1
  return next !== usual
}

function candidates(
  names: readonly string[],
  occurrences: Int32Array,
  pairs: PairIndex,
  tallies: PairTally[],
  options: RedundantReviewOptions,
  judgedBy: 'outcome' | 'successor',
): RedundantReviewCandidate[] {
  const minFollow = options.minFollowShare ?? 0.95
  const maxChange = options.maxChangeShare ?? 0.02
  const minOccurrences = options.minOccurrences ?? 10
  const out: RedundantReviewCandidate[] = []
  for (let id = 0; id < pairs.count; id++) {
    const tally = tallies[id] as PairTally
    const r = pairs.from[id] as number
    const total = occurrences[r] as number
    const followShare = tally.count / total
    const changeShare = tally.judged === 0 ? 1 : tally.changed / tally.judged
    if (total < minOccurrences || followShare < minFollow || changeShare > maxChange) continue
    out.push({
      activity: names[r] as string,
      follows: names[pairs.to[id] as number] as string,
      occurrences: total,
      afterReview: tally.count,
      followShare,
      judgedBy,
      judged: tally.judged,
      changed: tally.changed,
      changeShare,
      cases: tally.cases,
      exampleCases: tally.examples,
      changedCases: tally.changedExamples,
    })
  }
  return out.sort((a, b) => a.changeShare - b.changeShare || b.occurrences - a.occurrences)
}
