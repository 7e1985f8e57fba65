/**
 * An open-addressing table of 64-bit hashes, each with the line it was first seen on: three
 * Uint32 per slot (12 bytes), load kept at most 0.7, so 17–34 bytes per key. Linear probing
 * on the low 32 bits, which are well mixed (they come from SHA-1).
 */
export interface HashLineTable {
  readonly size: number
  /** True once `limit` hashes are held: new hashes are no longer remembered. */
  readonly full: boolean
  /** The line the hash was first seen on; undefined for a new hash, remembered now unless full. */
  firstLine(hi: number, lo: number, line: number): number | undefined
}

const SLOT = 3
const MAX_LOAD = 0.7

/** The slot index holding the hash, or the empty slot where it belongs. Line 0 marks empty. */
function slotOf(table: Uint32Array, mask: number, hi: number, lo: number): number {
  let i = lo & mask
  for (;;) {
    const at = i * SLOT
    if (table[at + 2] === 0 || (table[at] === hi && table[at + 1] === lo)) return at
    i = (i + 1) & mask
  }
}

function rehash(old: Uint32Array, capacity: number): Uint32Array<ArrayBuffer> {
  const table = new Uint32Array(capacity * SLOT)
  for (let at = 0; at < old.length; at += SLOT) {
    const line1 = old[at + 2] ?? 0
    if (line1 === 0) continue
    const hi = old[at] ?? 0
    const lo = old[at + 1] ?? 0
    const to = slotOf(table, capacity - 1, hi, lo)
    table[to] = hi
    table[to + 1] = lo
    table[to + 2] = line1
  }
  return table
}

export function createHashLineTable(limit: number, initialCapacity = 1 << 16): HashLineTable {
  let capacity = initialCapacity
  let table = new Uint32Array(capacity * SLOT)
  let size = 0
  return {
    get size() {
      return size
    },
    get full() {
      return size >= limit
    },
    firstLine(hi, lo, line) {
      const h = hi >>> 0
      const l = lo >>> 0
      const at = slotOf(table, capacity - 1, h, l)
      const stored = table[at + 2] ?? 0
      if (stored !== 0) return stored - 1
      if (size >= limit) return undefined
      table[at] = h
      table[at + 1] = l
      // Stored plus one, since 0 marks an empty slot.
      table[at + 2] = line + 1
      size++
      if (size > capacity * MAX_LOAD) {
        capacity *= 2
        table = rehash(table, capacity)
      }
      return undefined
    },
  }
}
