import { normalizeAddress } from './address.js'
import { MISSING_LEVEL } from './fellegi-sunter.js'
import type { NormalizedAddress } from './address.js'
import {
  compareAddresses,
  compareCodes,
  compareDates,
  compareExact,
  compareNames,
} from './comparators.js'
import {
  normalizeCode,
  normalizeDate,
  normalizeOrganisationName,
  normalizePersonName,
  soundex,
} from './normalize.js'
import type { NormalizedName } from './normalize.js'
import { COMPARATOR_LEVELS } from './types.js'
import type {
  ComparatorKind,
  ComparisonLevel,
  DedupRecord,
  FieldSpec,
  KeyTransform,
} from './types.js'

interface FieldComparator<T> {
  readonly prepare: (raw: string) => T | null
  readonly compare: (a: T, b: T) => ComparisonLevel
  readonly keys: Partial<Record<KeyTransform, (value: T) => string>>
}

const nameKeys = (person: boolean): FieldComparator<NormalizedName>['keys'] => ({
  value: (name) => name.compact,
  initials: (name) => name.initials,
  soundex: (name) => soundex(name.compact),
  ...(person ? { surname: (name) => name.surname, given: (name) => name.given } : {}),
})

const code: FieldComparator<string> = {
  prepare: normalizeCode,
  compare: compareCodes,
  keys: { value: (value) => value },
}

const COMPARATORS: {
  readonly [K in ComparatorKind]: FieldComparator<
    K extends 'name' | 'org-name'
      ? NormalizedName
      : K extends 'address'
        ? NormalizedAddress
        : string
  >
} = {
  exact: { ...code, compare: compareExact },
  'edit-distance': code,
  name: { prepare: normalizePersonName, compare: compareNames, keys: nameKeys(true) },
  'org-name': { prepare: normalizeOrganisationName, compare: compareNames, keys: nameKeys(false) },
  date: {
    prepare: normalizeDate,
    compare: compareDates,
    keys: { value: (date) => date, year: (date) => date.slice(0, 4) },
  },
  address: {
    prepare: normalizeAddress,
    compare: compareAddresses,
    keys: { value: (address) => address.sortedKey },
  },
}

/** True when a blocking key may take `transform` from a field compared with `kind`. */
export const supportsTransform = (kind: ComparatorKind, transform: KeyTransform): boolean =>
  COMPARATORS[kind].keys[transform] !== undefined

/** A field's values normalised once, compared by record index. */
export interface PreparedField {
  readonly name: string
  readonly spec: FieldSpec
  readonly levels: readonly ComparisonLevel[]
  /** Level index of records i and j, or MISSING_LEVEL. */
  readonly level: (i: number, j: number) => number
  readonly key: (i: number, transform: KeyTransform) => string | null
}

const prepareWith = <T>(
  comparator: FieldComparator<T>,
  name: string,
  spec: FieldSpec,
  records: readonly DedupRecord[],
): PreparedField => {
  const levels: readonly ComparisonLevel[] = COMPARATOR_LEVELS[spec.comparator]
  const index = new Map(levels.map((level, i) => [level, i]))
  const values = records.map((record) => {
    const raw = record.fields[name]
    return raw === null || raw === undefined ? null : comparator.prepare(raw)
  })
  return {
    name,
    spec,
    levels,
    level: (i, j) => {
      const a = values[i]
      const b = values[j]
      if (a === null || a === undefined || b === null || b === undefined) return MISSING_LEVEL
      return index.get(comparator.compare(a, b)) ?? MISSING_LEVEL
    },
    key: (i, transform) => {
      const value = values[i]
      const take = comparator.keys[transform]
      if (value === null || value === undefined || take === undefined) return null
      const key = take(value)
      return key === '' ? null : key
    },
  }
}

/** Normalises one field of every record with its comparator. */
export const prepareField = (
  name: string,
  spec: FieldSpec,
  records: readonly DedupRecord[],
): PreparedField => {
  switch (spec.comparator) {
    case 'exact':
    case 'edit-distance':
    case 'date':
      return prepareWith(COMPARATORS[spec.comparator], name, spec, records)
    case 'name':
    case 'org-name':
      return prepareWith(COMPARATORS[spec.comparator], name, spec, records)
    case 'address':
      return prepareWith(COMPARATORS.address, name, spec, records)
  }
}
