/**
 * `+ - * /` on "simple" decimals without decimal.js, giving the very number decimal.js gives
 * (34 significant digits, half-even, then the nearest JS number). The argument:
 *
 * 1. A JS number n is simple when, for some k ≤ 10, r = round(n·10^k) has |r| < 2^50 and
 *    r / 10^k === n (IEEE division of two exact values, so: the decimal r·10^-k rounds to n).
 *    Then r·10^-k is n's shortest decimal form, the one decimal.js reads: two decimals on the
 *    10^-k grid are at least 10^-k apart, n's rounding interval is narrower than ulp(n) <
 *    10^-k / 4, so only one grid point rounds to n, and the shortest form, having no more
 *    significant digits, lies on the grid too (a shorter form off the grid would need more).
 * 2. Operands scaled to integers below 2^53 are exact doubles; their sum or product below
 *    2^53 is exact; the exact result then has at most 16 digits, so decimal.js's rounding to 34
 *    digits changes nothing, and IEEE `s / 10^k` (10^k exact for k ≤ 22) is the correctly rounded
 *    double of the exact value — what decimal.js's toNumber returns.
 * 3. A quotient q = N / D of integers below 2^53 is never a midpoint between two doubles and lies
 *    at least 2^-107·q from one (a midpoint has 54 significant bits; q = m would need N ≥ 2^53),
 *    while rounding to 34 digits moves q by at most 5·10^-34·q < 2^-107·q: rounding q to 34 digits
 *    first cannot change which double is nearest, so IEEE `N / D` is decimal.js's result.
 * Signs of zero follow IEEE in both. Anything else (non-simple operands, overflowing scaled
 * values, NaN, infinities) returns undefined and the caller uses decimal.js.
 */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k)
const MAX_SCALE = 10
const SCALED_LIMIT = 2 ** 50
const EXACT_LIMIT = 2 ** 53

/** Decimal places of n's shortest form when n is simple (see above), else -1. */
export function scaleOf(n: number): number {
  for (let k = 0; k <= MAX_SCALE; k++) {
    const p = POW10[k] as number
    const r = Math.round(n * p)
    if (r / p === n) return Math.abs(r) < SCALED_LIMIT ? k : -1
  }
  return -1
}

/** n·10^k as an exact integer, or NaN when that may not be exact. */
function scaled(n: number, k: number): number {
  const r = Math.round(n * (POW10[k] as number))
  return Math.abs(r) <= SCALED_LIMIT ? r : NaN
}

/** a + b (b negated for a − b) as decimal.js computes it, or undefined. */
export function scaledSum(a: number, b: number): number | undefined {
  const ka = scaleOf(a)
  const kb = ka < 0 ? -1 : scaleOf(b)
  if (kb < 0) return undefined
  const k = ka > kb ? ka : kb
  const sum = scaled(a, k) + scaled(b, k)
  return Number.isNaN(sum) ? undefined : sum / (POW10[k] as number)
}

export function scaledProduct(a: number, b: number): number | undefined {
  const ka = scaleOf(a)
  const kb = ka < 0 ? -1 : scaleOf(b)
  if (kb < 0) return undefined
  const product = scaled(a, ka) * scaled(b, kb)
  if (!(Math.abs(product) < EXACT_LIMIT)) return undefined
  return product / (POW10[ka + kb] as number)
}

/** b must not be 0. */
export function scaledQuotient(a: number, b: number): number | undefined {
  const ka = scaleOf(a)
  const kb = ka < 0 ? -1 : scaleOf(b)
  if (kb < 0) return undefined
  const n = scaled(a, ka) * (POW10[kb] as number)
  const d = scaled(b, kb) * (POW10[ka] as number)
  if (!(Math.abs(n) < EXACT_LIMIT && Math.abs(d) < EXACT_LIMIT)) return undefined
  return n / d
}
