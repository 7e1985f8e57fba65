/** An address split into tokens for similarity: administrative and street units, or words. */
export interface NormalizedAddress {
  /** Tokens joined by one space, in their original order. */
  readonly text: string
  readonly tokens: readonly string[]
  readonly tokenSet: ReadonlySet<string>
  /** Tokens sorted and joined: equal for the same address written in another order. */
  readonly sortedKey: string
  /** Character bigrams within each token; order-insensitive across tokens. */
  readonly bigrams: ReadonlySet<string>
}

// Longer units first so 街道 wins over 街 and 自治区 over 区.
const HAN_UNIT =
  /.+?(?:自治区|自治州|自治县|街道|大道|单元|小区|新村|胡同|省|市|区|县|旗|盟|镇|乡|村|组|路|街|巷|弄|号|栋|幢|座|楼|层|室)/gsuy
const HAS_HAN = /\p{Script=Han}/u

const splitHan = (chunk: string): string[] => {
  const tokens: string[] = []
  HAN_UNIT.lastIndex = 0
  let end = 0
  for (let match = HAN_UNIT.exec(chunk); match !== null; match = HAN_UNIT.exec(chunk)) {
    tokens.push(match[0])
    end = HAN_UNIT.lastIndex
  }
  if (end < chunk.length) tokens.push(chunk.slice(end))
  return tokens
}

const bigramsOf = (tokens: readonly string[]): Set<string> => {
  const grams = new Set<string>()
  for (const token of tokens) {
    const chars = [...token]
    if (chars.length === 1) grams.add(token)
    for (let i = 0; i + 1 < chars.length; i++) grams.add(`${chars[i]}${chars[i + 1]}`)
  }
  return grams
}

/**
 * Full-width to ASCII (NFKC), lowercased, punctuation to spaces, whitespace collapsed; Han runs
 * split after units such as 省/市/区/县/路/街/号/单元 (示范市东城区建设路12号 → 示范市 东城区 建设路 12号).
 */
export const normalizeAddress = (raw: string): NormalizedAddress | null => {
  const cleaned = raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
  if (cleaned === '') return null
  const tokens = cleaned
    .split(' ')
    .flatMap((chunk) => (HAS_HAN.test(chunk) ? splitHan(chunk) : [chunk]))
  return {
    text: tokens.join(' '),
    tokens,
    tokenSet: new Set(tokens),
    sortedKey: [...tokens].sort().join(' '),
    bigrams: bigramsOf(tokens),
  }
}
