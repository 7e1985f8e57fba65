/** A kept item and the priority that kept it. */
export interface Sampled<T> {
  priority: number
  line: number
  item: T
}

/**
 * A uniform sample of at most `size` rows that does not depend on how the rows were split:
 * each line gets a pseudo-random priority from (seed, line) and the lowest priorities are kept
 * (bottom-k sampling). Samplers of disjoint parts of a file merge into the sampler of the whole,
 * so a check run in parallel keeps exactly the rows a single pass keeps.
 */
export interface LineSampler<T> {
  /** Offers the row on `line`; `make` runs only when the row is kept. */
  offer(line: number, make: () => T): void
  /** Adds the kept rows of another sampler (of other lines, same seed). */
  merge(kept: readonly Sampled<T>[]): void
  /** The kept rows with their priorities, for merging elsewhere. */
  kept(): readonly Sampled<T>[]
  /** The kept items in line order. */
  items(): T[]
}

/** MurmurHash3's finaliser over line and seed: a well-mixed 32-bit priority. */
export function linePriority(seed: number, line: number): number {
  let h = (Math.imul(line, 0x9e3779b1) ^ seed) >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

const before = (a: Sampled<unknown>, b: Sampled<unknown>): boolean =>
  a.priority < b.priority || (a.priority === b.priority && a.line < b.line)

export function createLineSampler<T>(size: number, seed: number): LineSampler<T> {
  const kept: Sampled<T>[] = []
  // Index of the kept row with the highest priority: the one a better row replaces.
  let worst = 0

  const findWorst = (): void => {
    worst = 0
    for (let i = 1; i < kept.length; i++) {
      if (before(kept[worst] as Sampled<T>, kept[i] as Sampled<T>)) worst = i
    }
  }

  const add = (priority: number, line: number, make: () => T): void => {
    if (size <= 0) return
    if (kept.length < size) {
      kept.push({ priority, line, item: make() })
      findWorst()
      return
    }
    const current = kept[worst] as Sampled<T>
    if (!before({ priority, line, item: null }, current)) return
    kept[worst] = { priority, line, item: make() }
    findWorst()
  }

  return {
    offer(line, make) {
      add(linePriority(seed, line), line, make)
    },
    merge(others) {
      for (const other of others) add(other.priority, other.line, () => other.item)
    },
    kept: () => kept,
    items: () => [...kept].sort((a, b) => a.line - b.line).map((entry) => entry.item),
  }
}
