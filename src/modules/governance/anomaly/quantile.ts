/** Numbers sorted ascending, as the quantile functions expect. */
export function sortAscending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b)
}

/**
 * The p-quantile of ascending `sorted` values by Hyndman & Fan's definition 7 (R's default,
 * NumPy's 'linear', Excel's QUARTILE.INC): h = (n − 1)·p, interpolating linearly between
 * the values at ⌊h⌋ and ⌊h⌋ + 1 (0-based).
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of no values')
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile p must be in [0, 1], got ${p}`)
  const h = (sorted.length - 1) * p
  const lower = Math.floor(h)
  const below = sorted[lower] ?? 0
  const above = sorted[Math.min(lower + 1, sorted.length - 1)] ?? below
  return below + (h - lower) * (above - below)
}

export function median(sorted: readonly number[]): number {
  return quantile(sorted, 0.5)
}
