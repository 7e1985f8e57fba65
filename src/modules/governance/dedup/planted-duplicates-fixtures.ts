import { generatePerson, HOMOPHONES, pick, seededRandom } from './chinese-person-fixtures.js'
import type { Person, Random } from './chinese-person-fixtures.js'
import type { DedupRecord } from './types.js'

/** Plants duplicates of generated persons, each with typical data-entry differences. */

type Perturbation = (person: Person, random: Random) => Person | null

const homophoneOf = (char: string, random: Random): string | null => {
  const group = HOMOPHONES.find((g) => g.includes(char))
  const others = [...(group ?? '')].filter((c) => c !== char)
  return others.length === 0 ? null : pick(random, others)
}

const homophoneSwap: Perturbation = (person, random) => {
  const chars = [...person.name]
  const swappable = chars.flatMap((c, i) => (homophoneOf(c, random) === null ? [] : [i]))
  if (swappable.length === 0) return null
  const at = pick(random, swappable)
  chars[at] = homophoneOf(chars[at] ?? '', random) ?? ''
  return { ...person, name: chars.join('') }
}

// A keying error that changes the sound: a given-name character replaced by an unrelated one.
const characterTypo: Perturbation = (person, random) => {
  const chars = [...person.name]
  const at = chars.length - 1
  const replacement = pick(random, [...'国庆春秋东南北德仁义礼信'])
  if (chars[at] === replacement) return null
  chars[at] = replacement
  return { ...person, name: chars.join('') }
}

const transposeDayMonth: Perturbation = (person) => {
  const [year, month, day] = person.birthDate.split('-')
  if (day === undefined || Number(day) > 12 || day === month) return null
  return { ...person, birthDate: `${year}-${day}-${month}` }
}

const dropId: Perturbation = (person) => ({ ...person, idNumber: null })

const abbreviateAddress: Perturbation = (person, random) => {
  const withoutCity = person.address.replace('示范市', '')
  return { ...person, address: random() < 0.5 ? withoutCity : withoutCity.replace(/区/, '') }
}

const newPhone: Perturbation = (person, random) => ({
  ...person,
  phone:
    random() < 0.5
      ? null
      : `1${pick(random, ['3', '5', '8'])}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
})

const idTypo: Perturbation = (person, random) => {
  if (person.idNumber === null) return null
  const at = 14 + Math.floor(random() * 3)
  const digit = String((Number(person.idNumber.charAt(at)) + 1 + Math.floor(random() * 8)) % 10)
  return {
    ...person,
    idNumber: person.idNumber.slice(0, at) + digit + person.idNumber.slice(at + 1),
  }
}

// Differences in writing only: the normaliser should erase them.
const reformat: Perturbation = (person, random) => {
  const [year = '', month = '', day = ''] = person.birthDate.split('-')
  const fullWidth = (text: string) =>
    text.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
  const choice = Math.floor(random() * 3)
  if (choice === 0) return { ...person, birthDate: `${year}年${Number(month)}月${Number(day)}日` }
  if (choice === 1) return { ...person, name: [...person.name].join(' ') }
  return { ...person, idNumber: person.idNumber === null ? null : fullWidth(person.idNumber) }
}

const TYPOS = [
  homophoneSwap,
  characterTypo,
  transposeDayMonth,
  dropId,
  abbreviateAddress,
  newPhone,
  idTypo,
]

const plantDuplicate = (original: Person, random: Random): Person => {
  let copy = original
  let applied = 0
  for (let tries = 0; applied < 2 && tries < 20; tries++) {
    const changed = pick(random, TYPOS)(copy, random)
    if (changed === null) continue
    copy = changed
    applied++
  }
  return random() < 0.3 ? (reformat(copy, random) ?? copy) : copy
}

const toRecord = (id: string, person: Person): DedupRecord => ({
  id,
  fields: {
    name: person.name,
    birthDate: person.birthDate,
    idNumber: person.idNumber,
    phone: person.phone,
    address: person.address,
  },
})

// ID numbers are unique to a person; a random sequence number can repeat one, so redraw.
const uniquePersons = (count: number, random: Random): Person[] => {
  const seen = new Set<string>()
  const persons: Person[] = []
  while (persons.length < count) {
    const person = generatePerson(random)
    if (seen.has(person.idNumber ?? '')) continue
    seen.add(person.idNumber ?? '')
    persons.push(person)
  }
  return persons
}

/** Persons generated from a seed: `count` records, `duplicateShare` of them planted duplicates. */
export interface GeneratedPersons {
  readonly records: DedupRecord[]
  /** Record id → the id of the person it stands for. */
  readonly entityOf: ReadonlyMap<string, string>
}

/**
 * `count` records from `seed`; a `duplicateShare` of them copy an earlier person with two
 * typical differences (homophone or other character, day/month transposed, ID missing or mistyped,
 * address abbreviated, phone changed) and sometimes a different way of writing.
 */
export const generateChinesePersons = (
  count: number,
  options: { seed?: number; duplicateShare?: number } = {},
): GeneratedPersons => {
  const random = seededRandom(options.seed ?? 1)
  const duplicates = Math.round(count * (options.duplicateShare ?? 0.1))
  const originals = uniquePersons(count - duplicates, random)
  const records = originals.map((person, i) => toRecord(`p${i}`, person))
  const entityOf = new Map(records.map((r) => [r.id, r.id]))
  for (let d = 0; d < duplicates; d++) {
    const source = Math.floor(random() * originals.length)
    const id = `d${d}`
    records.push(toRecord(id, plantDuplicate(originals[source] ?? generatePerson(random), random)))
    entityOf.set(id, `p${source}`)
  }
  // Shuffle so duplicates do not sit at the end.
  for (let i = records.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const a = records[i]
    const b = records[j]
    if (a !== undefined && b !== undefined) [records[i], records[j]] = [b, a]
  }
  return { records, entityOf }
}
