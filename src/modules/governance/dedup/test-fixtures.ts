import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DedupConfig, DedupRecord } from './types.js'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..')

/** Where the shared Febrl benchmark CSVs live, beside the repository. */
export const FEBRL_DIR = path.resolve(repoRoot, '../shared/data/febrl')

export const febrlAvailable = (file: string): boolean => existsSync(path.join(FEBRL_DIR, file))

/** Reads a Febrl CSV (comma + space separated), adding `address`: both lines, which Febrl swaps. */
export const loadFebrl = (file: string): DedupRecord[] => {
  const [header = '', ...lines] = readFileSync(path.join(FEBRL_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
  const columns = header.split(',').map((c) => c.trim())
  return lines.map((line) => {
    const values = line.split(',').map((v) => v.trim())
    const fields: Record<string, string | null> = {}
    columns.forEach((column, i) => (fields[column] = values[i] === '' ? null : (values[i] ?? null)))
    const lines = [fields.address_1, fields.address_2].filter((v) => v !== null && v !== undefined)
    fields.address = lines.join(' ') || null
    return { id: fields.rec_id ?? '', fields }
  })
}

/** Febrl truth: rec-<N>-org and rec-<N>-dup-<k> are one person iff they share N. */
export const febrlEntity = (id: string): string => id.split('-')[1] ?? id

/** Pairwise precision and recall, now part of the library (kept here for existing imports). */
export { pairwiseScores } from './pairwise-scores.js'

/** Febrl columns; `address` joins both address lines, which Febrl swaps in some duplicates. */
export const FEBRL_CONFIG: DedupConfig = {
  fields: {
    given_name: { comparator: 'name' },
    surname: { comparator: 'name' },
    street_number: { comparator: 'edit-distance' },
    address: { comparator: 'address' },
    suburb: { comparator: 'name' },
    postcode: { comparator: 'edit-distance' },
    state: { comparator: 'exact' },
    date_of_birth: { comparator: 'date' },
    soc_sec_id: { comparator: 'edit-distance' },
  },
  blocking: [
    { name: 'soc-sec-id', parts: [{ field: 'soc_sec_id' }] },
    {
      name: 'surname-soundex-birth-year',
      parts: [
        { field: 'surname', transform: 'soundex' },
        { field: 'date_of_birth', transform: 'year' },
      ],
    },
    {
      name: 'given-start-postcode',
      parts: [{ field: 'given_name', prefix: 3 }, { field: 'postcode' }],
    },
    { name: 'birth-date', parts: [{ field: 'date_of_birth' }] },
    {
      name: 'given-surname-soundex',
      parts: [
        { field: 'given_name', transform: 'soundex' },
        { field: 'surname', transform: 'soundex' },
      ],
    },
  ],
}
