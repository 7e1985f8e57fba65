import { distance } from 'fastest-levenshtein'
import { pinyin } from 'pinyin-pro'
import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'
import type { CodeEntry, CodeSet } from './code-set.types.js'
import { normaliseLocalValue } from './normalise.js'

/** Why a code was suggested, strongest first. */
export type SuggestionBasis = 'name' | 'synonym' | 'code' | 'contains' | 'pinyin' | 'edit-distance'

export interface CodeSuggestion {
  code: string
  name: LocalizedMessage
  /** 0–1: 1 for the standard name itself, lower as the match gets looser. */
  confidence: number
  basis: SuggestionBasis
}

export interface SuggestOptions {
  /** Extra local term → code pairs, on top of the aliases the code set carries. */
  synonyms?: Readonly<Record<string, string>>
  /** At most this many suggestions (default 3). */
  limit?: number
  /** Suggestions below this confidence are dropped (default 0.6). */
  minConfidence?: number
}

interface Candidate {
  entry: CodeEntry
  names: string[]
  aliases: string[]
  pinyins: string[]
}

const candidateCache = new WeakMap<CodeSet, Candidate[]>()

function candidatesOf(codeSet: CodeSet): Candidate[] {
  let candidates = candidateCache.get(codeSet)
  if (!candidates) {
    candidates = codeSet.entries.map((entry) => {
      const names = [entry.name.zh, entry.name.en].map(normaliseLocalValue)
      const aliases = (entry.aliases ?? []).map(normaliseLocalValue)
      return { entry, names, aliases, pinyins: [entry.name.zh, ...aliases].map(toPinyin) }
    })
    candidateCache.set(codeSet, candidates)
  }
  return candidates
}

const toPinyin = (text: string): string =>
  pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase()

/** 1 − edit distance / longer length: 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length)
  return longer === 0 ? 1 : 1 - distance(a, b) / longer
}

/**
 * Standard codes a local value probably means: its standard name (1), a synonym (0.95), the
 * code itself (0.9), a name containing it or contained in it, then similar pinyin (typos
 * typed by sound, 已昏 → 已婚) and similar characters.
 */
export function suggestCodes(
  value: string,
  codeSet: CodeSet,
  options: SuggestOptions = {},
): CodeSuggestion[] {
  const key = normaliseLocalValue(value)
  if (key === '') return []
  const synonymCode = synonymLookup(options.synonyms).get(key)
  const valuePinyin = toPinyin(key)
  return candidatesOf(codeSet)
    .map((candidate) => score(key, valuePinyin, candidate, synonymCode))
    .filter(
      (s): s is CodeSuggestion => s !== null && s.confidence >= (options.minConfidence ?? 0.6),
    )
    .sort((a, b) => b.confidence - a.confidence || a.code.localeCompare(b.code))
    .slice(0, options.limit ?? 3)
}

function synonymLookup(synonyms: Readonly<Record<string, string>> = {}): Map<string, string> {
  return new Map(Object.entries(synonyms).map(([term, code]) => [normaliseLocalValue(term), code]))
}

function score(
  key: string,
  keyPinyin: string,
  candidate: Candidate,
  synonymCode: string | undefined,
): CodeSuggestion | null {
  const { entry } = candidate
  const suggestion = (confidence: number, basis: SuggestionBasis): CodeSuggestion => ({
    code: entry.code,
    name: entry.name,
    confidence: Math.round(confidence * 1000) / 1000,
    basis,
  })
  if (candidate.names.includes(key)) return suggestion(1, 'name')
  if (synonymCode === entry.code || candidate.aliases.includes(key))
    return suggestion(0.95, 'synonym')
  if (key === entry.code) return suggestion(0.9, 'code')
  const fuzzy = [
    suggestion(bestContainment(key, [entry.name.zh, ...candidate.aliases]), 'contains'),
    suggestion(0.85 * best(keyPinyin, candidate.pinyins), 'pinyin'),
    suggestion(0.75 * best(key, [...candidate.names, ...candidate.aliases]), 'edit-distance'),
  ]
  return fuzzy.reduce((a, b) => (b.confidence > a.confidence ? b : a))
}

// One name inside the other (本科 in 本科毕业, 已婚 in 已婚有配偶): stronger the more is shared.
// A single character is too weak a clue: 水 (水族) is inside 水电费.
function containment(key: string, name: string): number {
  const [shorter, longer] = key.length < name.length ? [key, name] : [name, key]
  if ([...shorter].length < 2 || !longer.includes(shorter)) return 0
  return 0.5 + (0.4 * shorter.length) / longer.length
}

const bestContainment = (key: string, names: readonly string[]): number =>
  names.reduce((top, name) => Math.max(top, containment(key, name)), 0)

const best = (text: string, others: readonly string[]): number =>
  others.reduce((top, other) => Math.max(top, similarity(text, other)), 0)
