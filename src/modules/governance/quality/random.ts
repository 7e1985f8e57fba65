/** Mulberry32: a small, fast, seeded PRNG → floats in [0, 1). Deterministic for a seed. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A 32-bit seed from text (FNV-1a), to give each rule its own stream. */
export function seedOf(text: string, base = 0): number {
  let hash = (0x811c9dc5 ^ base) >>> 0
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

/** Reservoir sampling (algorithm R): a uniform sample of at most `size` of the items offered. */
export interface Reservoir<T> {
  /** Offers the next item; `make` runs only when the item is kept. */
  offer(make: () => T): void
  items(): readonly T[]
}

export function createReservoir<T>(size: number, random: () => number): Reservoir<T> {
  const items: T[] = []
  let seen = 0
  return {
    offer(make) {
      seen++
      if (items.length < size) {
        items.push(make())
        return
      }
      const slot = Math.floor(random() * seen)
      if (slot < size) items[slot] = make()
    },
    items: () => items,
  }
}
