import type { Hash64 } from './hash64.js'

export interface HyperLogLog {
  add(hash: Hash64): void
  estimate(): number
  /** The registers, to merge into a sketch of the same precision elsewhere. */
  registers(): Uint8Array
  /** Adds another sketch's registers (same precision): the sketch of both inputs. */
  merge(registers: Uint8Array): void
  /** The relative standard error of the estimate, 1.04 / √m. */
  readonly standardError: number
}

/**
 * A HyperLogLog sketch over 64-bit hashes with 2^precision registers (precision 4–16).
 * The estimate is Ertl's improved estimator (arXiv:1702.01284, algorithm 6): unbiased from
 * 0 to far beyond 2^32 without the empirical bias tables of HLL++ or a linear-counting switch.
 */
export function createHyperLogLog(precision = 14): HyperLogLog {
  if (!Number.isInteger(precision) || precision < 4 || precision > 16) {
    throw new RangeError(`HyperLogLog precision must be an integer in 4..16, got ${precision}`)
  }
  const m = 2 ** precision
  const registers = new Uint8Array(m)
  return {
    add(hash) {
      const index = hash.hi >>> (32 - precision)
      const rank = rankOf(hash, precision)
      if (rank > (registers[index] ?? 0)) registers[index] = rank
    },
    estimate: () => ertlEstimate(registers, 64 - precision),
    registers: () => registers,
    merge(other) {
      for (let i = 0; i < m; i++) {
        if ((other[i] ?? 0) > (registers[i] ?? 0)) registers[i] = other[i] ?? 0
      }
    },
    standardError: 1.04 / Math.sqrt(m),
  }
}

/** Position of the first 1-bit in the 64 − p bits after the index (q + 1 when all are 0). */
function rankOf({ hi, lo }: Hash64, precision: number): number {
  const rest = (hi << precision) >>> 0
  if (rest !== 0) return Math.clz32(rest) + 1
  const q = 64 - precision
  return lo === 0 ? q + 1 : 32 - precision + Math.clz32(lo) + 1
}

function ertlEstimate(registers: Uint8Array, q: number): number {
  const m = registers.length
  const histogram = new Array<number>(q + 2).fill(0)
  for (const value of registers) histogram[value] = (histogram[value] ?? 0) + 1
  let z = m * tau((m - (histogram[q + 1] ?? 0)) / m)
  for (let k = q; k >= 1; k--) z = (z + (histogram[k] ?? 0)) * 0.5
  z += m * sigma((histogram[0] ?? 0) / m)
  return Math.round((m * m) / (2 * Math.LN2 * z))
}

function sigma(x: number): number {
  if (x === 1) return Number.POSITIVE_INFINITY
  let y = 1
  let z = x
  for (;;) {
    x *= x
    const previous = z
    z += x * y
    y += y
    if (previous === z) return z
  }
}

function tau(x: number): number {
  if (x === 0 || x === 1) return 0
  let y = 1
  let z = 1 - x
  for (;;) {
    x = Math.sqrt(x)
    const previous = z
    y *= 0.5
    z -= (1 - x) ** 2 * y
    if (previous === z) return z / 3
  }
}
