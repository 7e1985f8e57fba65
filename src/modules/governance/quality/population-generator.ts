import { computeIdCheckChar, findDivision } from '../../../platform/standards/index.js'
import type { Division } from '../../../platform/standards/index.js'
import { EDUCATION_CODES, ETHNICITY_CODES, MARITAL_STATUS_CODES } from '../code-mapping/index.js'
import {
  AREA_CODES,
  COMPOUND_SURNAMES,
  DIVISIONS,
  GIVEN_CHARS,
  MOBILE_PREFIXES,
  STREETS,
  SURNAMES,
} from './population-fixtures.js'
import { plantError } from './planted-errors.js'
import type { GeneratedPerson, PlantedError } from './planted-errors.js'
import { createRandom } from './random.js'

export type { PlantedError, PlantedErrorKind } from './planted-errors.js'
export { PLANTED_ERROR_KINDS } from './planted-errors.js'

export interface PopulationGeneratorOptions {
  count: number
  seed: number
  /** Share of rows given exactly one planted error, 0–1. */
  errorRate: number
}

export interface GeneratedRow {
  row: Record<string, string | null>
  planted: PlantedError[]
}

const FIRST_BIRTH_DAY = Date.UTC(1940, 0, 1)
const BIRTH_DAYS = 24_000 // through 2005-09, so no birth date is ever in the future
const DAY_MS = 86_400_000
// ID numbers are unique by construction: row i takes slot (A·i + B) mod SPACE, A coprime to SPACE.
const SPACE = DIVISIONS.length * BIRTH_DAYS * 1000
const A = 999_983

type Random = () => number
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T
const digits = (random: Random, n: number): string =>
  Array.from({ length: n }, () => Math.floor(random() * 10)).join('')

function personName(random: Random): string {
  const surname = random() < 0.02 ? pick(random, COMPOUND_SURNAMES) : pick(random, SURNAMES)
  const given = random() < 0.7 ? 2 : 1
  return surname + Array.from({ length: given }, () => pick(random, GIVEN_CHARS)).join('')
}

function phone(random: Random): string | null {
  const roll = random()
  if (roll < 0.05) return null
  if (roll < 0.15)
    return `${pick(random, AREA_CODES)}-${2 + Math.floor(random() * 7)}${digits(random, 7)}`
  return pick(random, MOBILE_PREFIXES) + digits(random, 8)
}

/** An address in the division: its full name, a third of the time without the province. */
export function addressIn(division: Division, random: Random): string {
  const provinceName = findDivision(division.provinceCode)?.name ?? ''
  const full = division.fullName
  const short = full.startsWith(provinceName) ? full.slice(provinceName.length) : full
  const prefix = random() < 0.3 && short !== '' ? short : full
  return `${prefix}${pick(random, STREETS)}${1 + Math.floor(random() * 300)}号`
}

function identity(
  index: number,
  offset: number,
): { division: Division; id: string; birth: string } {
  const slot = (A * index + offset) % SPACE
  const seq = String(slot % 1000).padStart(3, '0')
  const rest = Math.floor(slot / 1000)
  const birth = new Date(FIRST_BIRTH_DAY + (rest % BIRTH_DAYS) * DAY_MS).toISOString().slice(0, 10)
  const division = DIVISIONS[Math.floor(rest / BIRTH_DAYS)] as Division
  const first17 = division.code + birth.replaceAll('-', '') + seq
  return { division, id: first17 + computeIdCheckChar(first17), birth }
}

function person(index: number, offset: number, random: Random): GeneratedPerson {
  const { division, id, birth } = identity(index, offset)
  const optional = (codes: readonly { code: string }[]) =>
    random() < 0.1 ? null : pick(random, codes).code
  return {
    division,
    row: {
      name: personName(random),
      sex: Number(id.charAt(16)) % 2 === 1 ? '1' : '2',
      id_number: id,
      birth_date: birth,
      ethnicity: random() < 0.9 ? '01' : pick(random, ETHNICITY_CODES.entries).code,
      marital_status: optional(MARITAL_STATUS_CODES.entries),
      education: optional(EDUCATION_CODES.entries),
      household_address: addressIn(division, random),
      household_division: division.code,
      phone: phone(random),
    },
  }
}

const RECENT = 32

/**
 * Deterministic 人口 rows (same options → same rows): unique valid ID numbers over real
 * divisions, birth date and sex read from the ID, national codes, phones, addresses in the
 * division; a share `errorRate` of rows carries one planted error, listed in `planted`.
 * Memory stays constant whatever the count.
 */
export function* generatePopulationRows(
  options: PopulationGeneratorOptions,
): Generator<GeneratedRow> {
  const { count, seed, errorRate } = options
  if (!(Number.isInteger(count) && count >= 0 && count <= SPACE)) {
    throw new RangeError(`count must be an integer from 0 to ${SPACE}`)
  }
  const random = createRandom(seed)
  const offset = Math.floor(createRandom(seed ^ 0x5bd1e995)() * SPACE)
  const recent: GeneratedPerson[] = []
  let clean = 0
  for (let i = 0; i < count; i++) {
    const generated = person(i, offset, random)
    const planted = random() < errorRate ? plantError(generated, recent, random) : []
    // Recent clean rows are what a planted duplicate copies its ID number from.
    if (planted.length === 0) recent[clean++ % RECENT] = generated
    yield { row: generated.row, planted }
  }
}
