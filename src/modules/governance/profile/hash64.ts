/** A 64-bit hash as two unsigned 32-bit halves. */
export interface Hash64 {
  hi: number
  lo: number
}

/** MurmurHash3's 32-bit finaliser: every input bit flips each output bit with probability ~½. */
function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * A well-mixed 64-bit hash of a string's UTF-16 code units, in one pass: the halves come from two
 * different mixes (MurmurHash3's body, and an FNV-1a with its own multiplier), each finished by
 * MurmurHash3's finaliser. Not cryptographic: it counts distinct values and finds repeated keys in
 * data, where SHA-1 (the hash used before) cost ~4× as much per key for nothing these need.
 */
export function hash64(value: string): Hash64 {
  let a = 0x9747b28c
  let b = 0x811c9dc5
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    let k = Math.imul(c, 0xcc9e2d51)
    k = (k << 15) | (k >>> 17)
    a ^= Math.imul(k, 0x1b873593)
    a = (a << 13) | (a >>> 19)
    a = (Math.imul(a, 5) + 0xe6546b64) | 0
    b = Math.imul(b ^ c, 0x01000193)
  }
  return { hi: fmix32(a ^ value.length), lo: fmix32(b ^ Math.imul(value.length, 0x9e3779b1)) }
}

/** 53 of the 64 bits as one number: a compact key for exact distinct counting. */
export function hashKey({ hi, lo }: Hash64): number {
  return hi * 2 ** 21 + (lo >>> 11)
}
