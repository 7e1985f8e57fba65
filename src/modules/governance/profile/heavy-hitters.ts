/** A value and how often it was seen (a lower bound once the summary has had to forget). */
export interface ValueCount {
  value: string
  count: number
}

export interface HeavyHitters {
  add(value: string): void
  /** The k most frequent values, most frequent first, ties by value. */
  top(k: number): ValueCount[]
  /** The most any reported count can fall short of the truth (0: every count is exact). */
  maxUndercount(): number
  state(): HeavyHittersState
  /**
   * Adds a summary of other values (same capacity): counts add up, then, past capacity, every
   * count drops by the (capacity + 1)-th largest (Agarwal et al., mergeable summaries), which
   * adds to the undercount bound.
   */
  merge(state: HeavyHittersState): void
}

/** A summary as plain data. */
export interface HeavyHittersState {
  counters: [string, number][]
  decrements: number
}

/**
 * Misra–Gries summary with `capacity` counters: any value seen more than n / (capacity + 1)
 * times is kept. When full, a new value decrements every counter; that costs O(capacity) but
 * happens at most n / (capacity + 1) times, so adding is amortised O(1).
 */
export function createHeavyHitters(capacity: number): HeavyHitters {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`capacity must be a positive integer, got ${capacity}`)
  }
  const counters = new Map<string, number>()
  let decrements = 0
  return {
    add(value) {
      const count = counters.get(value)
      if (count !== undefined) counters.set(value, count + 1)
      else if (counters.size < capacity) counters.set(value, 1)
      else {
        decrements++
        decrementAll(counters)
      }
    },
    top: (k) => topOf(counters, k),
    maxUndercount: () => decrements,
    state: () => ({ counters: [...counters], decrements }),
    merge(other) {
      for (const [value, count] of other.counters) {
        counters.set(value, (counters.get(value) ?? 0) + count)
      }
      decrements += other.decrements
      if (counters.size <= capacity) return
      const cut = [...counters.values()].sort((a, b) => b - a)[capacity] ?? 0
      for (const [value, count] of counters) {
        if (count <= cut) counters.delete(value)
        else counters.set(value, count - cut)
      }
      decrements += cut
    },
  }
}

function decrementAll(counters: Map<string, number>): void {
  for (const [value, count] of counters) {
    if (count === 1) counters.delete(value)
    else counters.set(value, count - 1)
  }
}

function topOf(counters: ReadonlyMap<string, number>, k: number): ValueCount[] {
  return [...counters]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, k)
}
