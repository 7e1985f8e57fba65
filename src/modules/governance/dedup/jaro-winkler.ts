/**
 * Jaro similarity: characters match when equal and within floor(max(len)/2) - 1 positions;
 * t is half the matched characters that appear in a different order.
 */
export const jaro = (a: string, b: string): number => {
  if (a === b) return 1
  const la = a.length
  const lb = b.length
  if (la === 0 || lb === 0) return 0
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1)
  const aMatched = new Uint8Array(la)
  const bMatched = new Uint8Array(lb)
  let matches = 0
  for (let i = 0; i < la; i++) {
    const end = Math.min(lb - 1, i + window)
    for (let j = Math.max(0, i - window); j <= end; j++) {
      if (bMatched[j] === 1 || a.charCodeAt(i) !== b.charCodeAt(j)) continue
      aMatched[i] = 1
      bMatched[j] = 1
      matches++
      break
    }
  }
  if (matches === 0) return 0
  let outOfOrder = 0
  let k = 0
  for (let i = 0; i < la; i++) {
    if (aMatched[i] !== 1) continue
    while (bMatched[k] !== 1) k++
    if (a.charCodeAt(i) !== b.charCodeAt(k)) outOfOrder++
    k++
  }
  const t = outOfOrder / 2
  return (matches / la + matches / lb + (matches - t) / matches) / 3
}

/** Jaro-Winkler: Jaro raised by prefixScale (0.1) for each common leading character, up to 4. */
export const jaroWinkler = (a: string, b: string, prefixScale = 0.1): number => {
  const j = jaro(a, b)
  const limit = Math.min(4, a.length, b.length)
  let prefix = 0
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++
  return j + prefix * prefixScale * (1 - j)
}
