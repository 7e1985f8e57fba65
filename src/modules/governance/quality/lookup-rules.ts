import { normaliseDate } from '../standards/index.js'
import type { DataElement, ValidationContext } from '../standards/index.js'
import { createKeyIndex } from './key-index.js'
import type { KeyIndex, KeySpillPlace } from './key-index.js'
import type {
  CompiledRule,
  ReferenceRuleSpec,
  RowView,
  RuleFailure,
  TimelyRuleSpec,
  UniqueRuleSpec,
} from './rule.types.js'

const DEFAULT_EXACT_LIMIT = 100_000
const DEFAULT_HASH_LIMIT = 16_000_000
const DAY_MS = 86_400_000
// Joins the parts of a composite key; a unit separator does not occur in cell text.
const KEY_SEPARATOR = '\u001f'

/** Splits a key's text (values joined by U+001F) back into the values of its fields. */
export function keyValues(fields: readonly string[], text: string): Record<string, string | null> {
  const parts = text.split(KEY_SEPARATOR)
  const values: Record<string, string | null> = {}
  fields.forEach((field, i) => (values[field] = parts[i] ?? null))
  return values
}

/** The failure of a row whose key was first seen on `first`. */
export function duplicateFailure(first: number): RuleFailure {
  return {
    reason: 'uniqueness.duplicate',
    message: { zh: `与第 ${first} 行重复`, en: `Duplicates line ${first}` },
  }
}

/**
 * Uniqueness: the first row with a key passes, later rows with the same key fail (keys compared
 * without case). `index` is where keys go: by default one of its own; a part of a parallel run
 * passes a recorder instead and the whole run's index decides.
 */
export function uniqueRule(spec: UniqueRuleSpec, index?: KeyIndex): CompiledRule {
  const keys = index ?? keyIndexFor(spec)
  const fields = spec.fields
  const keyOf = (row: RowView): string | null => {
    if (fields.length === 1) return row.values[fields[0] as string] ?? null
    const parts: string[] = []
    for (const field of fields) {
      const value = row.values[field] ?? null
      if (value === null) return null
      parts.push(value)
    }
    return parts.join(KEY_SEPARATOR)
  }
  return {
    id: spec.id,
    kind: 'unique',
    name: spec.name ?? { zh: `${fields.join('、')} 唯一`, en: `${fields.join(', ')} is unique` },
    dimension: 'uniqueness',
    element: spec.element ?? (fields.length === 1 ? (fields[0] ?? null) : null),
    fields,
    check(row) {
      const key = keyOf(row)
      if (key === null) return 'skip'
      const first = keys.firstLine(key, row.line)
      return first === undefined ? 'pass' : duplicateFailure(first)
    },
    note() {
      if (!keys.truncated) return null
      return {
        zh: '键数超过上限，此后出现的新键未再记录，部分重复可能未发现',
        en: 'More keys than the limit: later new keys were not remembered, so some duplicates may be missed',
      }
    },
  }
}

/** The index a uniqueness rule of a whole run keeps; with `spill`, bounded in memory. */
export function keyIndexFor(spec: UniqueRuleSpec, spill?: KeySpillPlace): KeyIndex {
  return createKeyIndex({
    exactLimit: spec.exactLimit ?? DEFAULT_EXACT_LIMIT,
    hashLimit: spec.hashLimit ?? DEFAULT_HASH_LIMIT,
    spill,
  })
}

const epochDay = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS

/** Timeliness: the date is at most maxAgeDays before the reference date; bad dates skip. */
export function timelyRule(
  spec: TimelyRuleSpec,
  element: DataElement,
  context: ValidationContext,
): CompiledRule {
  const reference = normaliseDate(spec.referenceDate ?? context.today) ?? context.today
  const referenceDay = epochDay(reference)
  const key = element.key
  return {
    id: spec.id,
    kind: 'timely',
    name: spec.name ?? {
      zh: `${element.name.zh}不早于 ${spec.maxAgeDays} 天前`,
      en: `${element.name.en} is at most ${spec.maxAgeDays} days old`,
    },
    dimension: 'timeliness',
    element: key,
    fields: [key],
    check(row) {
      const value = row.values[key] ?? null
      const date = value === null ? undefined : normaliseDate(value)
      if (date === undefined) return 'skip'
      const age = referenceDay - epochDay(date)
      if (age <= spec.maxAgeDays) return 'pass'
      return {
        reason: 'timeliness.stale',
        message: {
          zh: `${date} 距 ${reference} 已 ${age} 天，超过 ${spec.maxAgeDays} 天`,
          en: `${date} is ${age} days before ${reference}, more than ${spec.maxAgeDays}`,
        },
      }
    },
  }
}

/** Reference: the value exists in another dataset; empty values skip. */
export function referenceRule(spec: ReferenceRuleSpec, element: DataElement): CompiledRule {
  const key = element.key
  const { dataset, values } = spec
  return {
    id: spec.id,
    kind: 'reference',
    name: spec.name ?? {
      zh: `${element.name.zh}存在于${dataset.zh}`,
      en: `${element.name.en} exists in ${dataset.en}`,
    },
    dimension: 'reference',
    element: key,
    fields: [key],
    check(row) {
      const value = row.values[key] ?? null
      if (value === null) return 'skip'
      if (values.has(value)) return 'pass'
      return {
        reason: 'reference.missing',
        message: { zh: `“${value}”不在${dataset.zh}中`, en: `"${value}" is not in ${dataset.en}` },
      }
    },
  }
}
