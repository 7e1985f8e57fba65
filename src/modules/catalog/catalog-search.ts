import { pinyin } from 'pinyin-pro'

/** How a text can be found: as written, by its full pinyin, or by its pinyin initials. */
export interface SearchKeys {
  text: string
  full: string
  initials: string
}

/** Where a query matched an entry, best first. */
export type MatchKind = 'name' | 'pinyin' | 'keyword' | 'member' | 'department'

/** One searchable thing (an item or a bundle) with the texts it can be found by. */
export interface SearchEntry<T> {
  value: T
  /** Sort key among equal scores (bundles before items, then by code). */
  order: string
  names: SearchKeys[]
  keywords: SearchKeys[]
  members: SearchKeys[]
  departments: SearchKeys[]
}

const HAN = /\p{Script=Han}/u

/** Precomputes the forms a citizen may type for a text: 企业开办 → qiyekaiban, qykb. */
export function searchKeys(text: string): SearchKeys {
  const lower = text.toLowerCase()
  if (!HAN.test(text)) return { text: lower, full: '', initials: '' }
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true })
  return {
    text: lower,
    full: syllables.join(''),
    initials: syllables.map((s) => s.charAt(0)).join(''),
  }
}

/** Lower case without spaces and apostrophes (qi'ye kai ban → qiyekaiban). */
export function normaliseQuery(query: string): string {
  return query.toLowerCase().replace(/[\s'’]+/g, '')
}

function scoreText(keys: SearchKeys, q: string): number {
  if (keys.text === q) return 100
  if (keys.text.startsWith(q)) return 90
  if (keys.text.includes(q)) return 80
  return 0
}

// Pinyin only for queries of Latin letters: "qykb", "qiyekaiban", "kaiban".
function scorePinyin(keys: SearchKeys, q: string): number {
  if (!/^[a-z]+$/.test(q) || !keys.full) return 0
  if (keys.initials.startsWith(q) || keys.full.startsWith(q)) return 75
  if (keys.initials.includes(q) || keys.full.includes(q)) return 65
  return 0
}

function best(list: SearchKeys[], score: (k: SearchKeys) => number): number {
  let top = 0
  for (const keys of list) top = Math.max(top, score(keys))
  return top
}

/**
 * The entry's score for a query and what matched; 0 when nothing did. A name outranks a pinyin
 * match, which outranks a keyword, a member item's name and finally the department.
 */
export function scoreEntry<T>(
  entry: SearchEntry<T>,
  q: string,
): { score: number; match: MatchKind } {
  const either = (k: SearchKeys) => Math.max(scoreText(k, q), scorePinyin(k, q))
  const candidates: Array<[number, MatchKind]> = [
    [best(entry.names, (k) => scoreText(k, q)) * 10, 'name'],
    [best(entry.names, (k) => scorePinyin(k, q)) * 10, 'pinyin'],
    [best(entry.keywords, either) * 6, 'keyword'],
    [best(entry.members, either) * 4, 'member'],
    [best(entry.departments, either) * 2, 'department'],
  ]
  let top: [number, MatchKind] = [0, 'name']
  for (const c of candidates) if (c[0] > top[0]) top = c
  return { score: top[0], match: top[1] }
}

/** The entries matching a query, best first; every entry (in order) for an empty query. */
export function rankEntries<T>(
  entries: readonly SearchEntry<T>[],
  query: string,
): Array<{ value: T; match: MatchKind | null }> {
  const q = normaliseQuery(query)
  if (!q) return [...entries].sort(byOrder).map((e) => ({ value: e.value, match: null }))
  const hits: Array<{ entry: SearchEntry<T>; score: number; match: MatchKind }> = []
  for (const entry of entries) {
    const { score, match } = scoreEntry(entry, q)
    if (score > 0) hits.push({ entry, score, match })
  }
  hits.sort((a, b) => b.score - a.score || byOrder(a.entry, b.entry))
  return hits.map((h) => ({ value: h.entry.value, match: h.match }))
}

function byOrder(a: { order: string }, b: { order: string }): number {
  return a.order < b.order ? -1 : a.order > b.order ? 1 : 0
}
