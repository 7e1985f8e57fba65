import type { CodeEntry, CodeSet } from './code-set.types.js'
import { EDUCATION_CODES } from './education-codes.js'
import { ETHNICITY_CODES } from './ethnicity-codes.js'
import { MARITAL_STATUS_CODES } from './marital-status-codes.js'
import { SEX_CODES } from './sex-codes.js'

/** The national code sets this module carries, by id. */
export const NATIONAL_CODE_SETS: Readonly<Record<string, CodeSet>> = {
  [SEX_CODES.id]: SEX_CODES,
  [MARITAL_STATUS_CODES.id]: MARITAL_STATUS_CODES,
  [EDUCATION_CODES.id]: EDUCATION_CODES,
  [ETHNICITY_CODES.id]: ETHNICITY_CODES,
}

const indexes = new WeakMap<CodeSet, ReadonlyMap<string, CodeEntry>>()

function indexOf(codeSet: CodeSet): ReadonlyMap<string, CodeEntry> {
  let index = indexes.get(codeSet)
  if (!index) {
    index = new Map(codeSet.entries.map((entry) => [entry.code, entry]))
    indexes.set(codeSet, index)
  }
  return index
}

/** The entry for a code, undefined when the code set has no such code. */
export function findCode(codeSet: CodeSet, code: string): CodeEntry | undefined {
  return indexOf(codeSet).get(code)
}

export function findCodeSet(id: string): CodeSet | undefined {
  return Object.hasOwn(NATIONAL_CODE_SETS, id) ? NATIONAL_CODE_SETS[id] : undefined
}
