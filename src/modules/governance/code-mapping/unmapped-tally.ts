import type { CodeMapper } from './mapping.js'
import { normaliseLocalValue } from './normalise.js'
import { suggestCodes, type CodeSuggestion, type SuggestOptions } from './suggest.js'

export interface UnmappedValue {
  /** The value as first seen. */
  value: string
  count: number
  suggestions: CodeSuggestion[]
}

export interface UnmappedReport {
  source: string
  codeSetId: string
  total: number
  mapped: number
  empty: number
  unmapped: number
  /** Unmapped values, most frequent first. */
  values: UnmappedValue[]
  /** Unmapped occurrences of values not tracked because maxDistinct was reached. */
  untracked: number
}

export interface UnmappedTallyOptions {
  /** Distinct unmapped values remembered (default 10 000): memory stays bounded. */
  maxDistinct?: number
  /** Suggestions listed per unmapped value (default 3, 0 for none). */
  suggestions?: number
  synonyms?: SuggestOptions['synonyms']
}

export interface UnmappedTally {
  add(value: string | null | undefined): void
  report(): UnmappedReport
}

/** Feeds a column through a mapper and counts the values nobody mapped. */
export function createUnmappedTally(
  mapper: CodeMapper,
  options: UnmappedTallyOptions = {},
): UnmappedTally {
  const maxDistinct = options.maxDistinct ?? 10_000
  const counts = new Map<string, { value: string; count: number }>()
  const totals = { total: 0, mapped: 0, empty: 0, unmapped: 0, untracked: 0 }
  const suggest = (value: string): CodeSuggestion[] =>
    options.suggestions === 0
      ? []
      : suggestCodes(value, mapper.codeSet, {
          limit: options.suggestions ?? 3,
          synonyms: options.synonyms,
        })
  return {
    add(value) {
      totals.total++
      const result = mapper.map(value)
      if (result.status !== 'unmapped') {
        totals[result.status]++
        return
      }
      totals.unmapped++
      const key = normaliseLocalValue(result.value)
      const tracked = counts.get(key)
      if (tracked) tracked.count++
      else if (counts.size < maxDistinct) counts.set(key, { value: result.value, count: 1 })
      else totals.untracked++
    },
    report: () => ({
      source: mapper.mapping.source,
      codeSetId: mapper.codeSet.id,
      ...totals,
      values: [...counts.values()]
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
        .map(({ value, count }) => ({ value, count, suggestions: suggest(value) })),
    }),
  }
}
