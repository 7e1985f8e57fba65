/** A seeded PRNG (mulberry32) and draws over it, so every run generates the same data. */
export type Random = () => number

export function seeded(seed: number): Random {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export function pick<T>(items: readonly T[], random: Random): T {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

/** Picks by weight: `[[value, weight], …]`. */
export function weighted<T>(items: readonly (readonly [T, number])[], random: Random): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0)
  let left = random() * total
  for (const [value, w] of items) {
    left -= w
    if (left < 0) return value
  }
  const last = items.at(-1)
  if (last === undefined) throw new Error('weighted pick from an empty list')
  return last[0]
}

/** An integer in [min, max]. */
export function int(min: number, max: number, random: Random): number {
  return min + Math.floor(random() * (max - min + 1))
}

/** `count` distinct items in their original order. */
export function sample<T>(items: readonly T[], count: number, random: Random): T[] {
  const chosen = new Set<number>()
  while (chosen.size < Math.min(count, items.length))
    chosen.add(Math.floor(random() * items.length))
  return [...chosen].sort((a, b) => a - b).map((i) => items[i] as T)
}

/** Rounds 元 to fen (cents). */
export function fen(yuan: number): number {
  return Math.round(yuan * 100) / 100
}
