/**
 * An open-addressing table of 64-bit hashes, each with the line it was first seen on: three
 * Uint32 per slot (12 bytes). It is split into 256 parts by the hash's top byte, each growing on
 * its own at load 0.8, so the table is 15–30 bytes per key and growing never holds two copies
 * of the whole (only of one part). Linear probing on the low 32 bits, which are well mixed
 * (hash64 mixes every bit into them).
 */
export interface HashLineTable {
  readonly size: number
  /** True once `limit` hashes are held: new hashes are no longer remembered. */
  readonly full: boolean
  /** The line the hash was first seen on; undefined for a new hash, remembered now unless full. */
  firstLine(hi: number, lo: number, line: number): number | undefined
  /** Bytes held by the slots. */
  readonly bytes: number
}

const SLOT = 3
const MAX_LOAD = 0.8
const PARTS = 256

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

interface Part {
  capacity: number
  size: number
  table: Uint32Array
}

/** `initialCapacity` is the slots of the whole table at first (a power of two, ≥ 256). */
export function createHashLineTable(limit: number, initialCapacity = 1 << 16): HashLineTable {
  const start = Math.max(1, Math.floor(initialCapacity / PARTS))
  const parts: Part[] = Array.from({ length: PARTS }, () => ({
    capacity: start,
    size: 0,
    table: new Uint32Array(start * SLOT),
  }))
  let size = 0
  let bytes = PARTS * start * SLOT * 4
  return {
    get size() {
      return size
    },
    get full() {
      return size >= limit
    },
    get bytes() {
      return bytes
    },
    firstLine(hi, lo, line) {
      const h = hi >>> 0
      const l = lo >>> 0
      const part = parts[h >>> 24] as Part
      const at = slotOf(part.table, part.capacity - 1, h, l)
      const stored = part.table[at + 2] ?? 0
      if (stored !== 0) return stored - 1
      if (size >= limit) return undefined
      part.table[at] = h
      part.table[at + 1] = l
      // Stored plus one, since 0 marks an empty slot.
      part.table[at + 2] = line + 1
      part.size++
      size++
      if (part.size > part.capacity * MAX_LOAD) {
        bytes += part.capacity * SLOT * 4
        part.capacity *= 2
        part.table = rehash(part.table, part.capacity)
      }
      return undefined
    },
  }
}
