import { computeIdCheckChar } from '../../../platform/standards/index.js'
import type { Division } from '../../../platform/standards/index.js'
import { DIVISIONS, STREETS, UNKNOWN_ETHNICITY_CODES } from './population-fixtures.js'

/** The kinds of error the population generator plants, one per affected row. */
export const PLANTED_ERROR_KINDS = [
  'bad_id_check_digit',
  'birth_date_mismatch',
  'sex_mismatch',
  'unknown_ethnicity',
  'missing_name',
  'invalid_phone',
  'address_not_in_division',
  'duplicate_id',
] as const

export type PlantedErrorKind = (typeof PLANTED_ERROR_KINDS)[number]

/** An error planted in a generated row: its kind and the field it was planted in. */
export interface PlantedError {
  kind: PlantedErrorKind
  field: string
}

export interface GeneratedPerson {
  division: Division
  row: Record<string, string | null>
}

type Random = () => number
type Planter = (
  person: GeneratedPerson,
  recent: readonly GeneratedPerson[],
  random: Random,
) => boolean

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T

const text = (row: Record<string, string | null>, key: string): string => row[key] ?? ''

const CHECK_CHARS = '0123456789X'

function shiftDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

const PLANTERS: Readonly<Record<PlantedErrorKind, Planter>> = {
  bad_id_check_digit({ row }, _recent, random) {
    const id = text(row, 'id_number')
    const good = computeIdCheckChar(id.slice(0, 17))
    const wrong = CHECK_CHARS.replace(good, '')
    row.id_number = id.slice(0, 17) + pick(random, [...wrong])
    return true
  },
  birth_date_mismatch({ row }, _recent, random) {
    // Earlier, so the wrong date is still real and never in the future.
    row.birth_date = shiftDays(text(row, 'birth_date'), -1 - Math.floor(random() * 28))
    return true
  },
  sex_mismatch({ row }) {
    row.sex = row.sex === '1' ? '2' : '1'
    return true
  },
  unknown_ethnicity({ row }, _recent, random) {
    row.ethnicity = pick(random, UNKNOWN_ETHNICITY_CODES)
    return true
  },
  missing_name({ row }) {
    row.name = null
    return true
  },
  invalid_phone({ row }, _recent, random) {
    row.phone = `12${Math.floor(random() * 1e9)
      .toString()
      .padStart(9, '0')}`
    return true
  },
  address_not_in_division(person, _recent, random) {
    const elsewhere = DIVISIONS.filter((d) => d.provinceCode !== person.division.provinceCode)
    const other = pick(random, elsewhere)
    person.row.household_address = `${other.fullName}${pick(random, STREETS)}${1 + Math.floor(random() * 300)}号`
    return true
  },
  duplicate_id({ row }, recent, random) {
    if (recent.length === 0) return false
    // The earlier person's ID with its birth date and sex, so only uniqueness is broken.
    const original = pick(random, recent).row
    row.id_number = original.id_number ?? null
    row.birth_date = original.birth_date ?? null
    row.sex = original.sex ?? null
    return true
  },
}

/** Plants one error of a random kind in the person's row; [] when it could not be planted. */
export function plantError(
  person: GeneratedPerson,
  recent: readonly GeneratedPerson[],
  random: Random,
): PlantedError[] {
  const kind = pick(random, PLANTED_ERROR_KINDS)
  const field = FIELDS[kind]
  return PLANTERS[kind](person, recent, random) ? [{ kind, field }] : []
}

const FIELDS: Readonly<Record<PlantedErrorKind, string>> = {
  bad_id_check_digit: 'id_number',
  birth_date_mismatch: 'birth_date',
  sex_mismatch: 'sex',
  unknown_ethnicity: 'ethnicity',
  missing_name: 'name',
  invalid_phone: 'phone',
  address_not_in_division: 'household_address',
  duplicate_id: 'id_number',
}
