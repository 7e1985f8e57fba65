/**
 * The m-probabilities that best explain `counts` (maximum likelihood) while the likelihood ratio
 * m/u never rises from a field's best level to its worst: exact agreement can never weigh less
 * than a near miss, nor a near miss less than 'different'. Pool-adjacent-violators on the ratios
 * (counts/total)/u weighted by u; a pooled run of levels keeps u's proportions within it.
 * Returns null when there is nothing to fit.
 */
export const monotoneRatioFit = (
  counts: readonly number[],
  u: readonly number[],
): number[] | null => {
  const total = counts.reduce((a, b) => a + b, 0)
  if (!(total > 0)) return null
  // Each block: the levels [start, end), the share of counts and of u it holds.
  const blocks: { start: number; end: number; share: number; uSum: number }[] = []
  counts.forEach((count, l) => {
    blocks.push({ start: l, end: l + 1, share: count / total, uSum: u[l] ?? 0 })
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]
      const before = blocks[blocks.length - 2]
      if (last === undefined || before === undefined) break
      // Violation: the later (worse) block has the higher ratio share/uSum.
      if (last.share * before.uSum <= before.share * last.uSum) break
      blocks.splice(-2, 2, {
        start: before.start,
        end: last.end,
        share: before.share + last.share,
        uSum: before.uSum + last.uSum,
      })
    }
  })
  const m = new Array<number>(counts.length).fill(0)
  for (const block of blocks) {
    for (let l = block.start; l < block.end; l++) {
      m[l] =
        block.uSum > 0
          ? ((u[l] ?? 0) * block.share) / block.uSum
          : block.share / (block.end - block.start)
    }
  }
  return m
}
