import type { DedupConfig } from './types.js'

/**
 * Persons: fields name, birthDate, idNumber, phone, address. Blocks by ID number, phone,
 * pinyin surname + birth year, initials + birth date, and given name + ID division code.
 */
export const PERSON_PRESET: DedupConfig = {
  fields: {
    name: { comparator: 'name' },
    birthDate: { comparator: 'date' },
    // GB 11643: the ID number holds the division code where it was issued (digits 1–6, which the
    // household address names) and the birth date (digits 7–14).
    idNumber: { comparator: 'edit-distance', related: ['birthDate', 'address'] },
    phone: { comparator: 'edit-distance' },
    address: { comparator: 'address' },
  },
  blocking: [
    { name: 'id-number', parts: [{ field: 'idNumber' }] },
    { name: 'phone', parts: [{ field: 'phone' }] },
    {
      name: 'surname-birth-year',
      parts: [
        { field: 'name', transform: 'surname' },
        { field: 'birthDate', transform: 'year' },
      ],
    },
    {
      name: 'initials-birth-date',
      parts: [{ field: 'name', transform: 'initials' }, { field: 'birthDate' }],
    },
    {
      name: 'given-division',
      parts: [
        { field: 'name', transform: 'given' },
        { field: 'idNumber', prefix: 6 },
      ],
    },
  ],
}

/**
 * Enterprises: fields name, creditCode, address, legalRepresentative. Blocks by credit code,
 * the start of the name's pinyin (region prefix and legal form dropped), and representative.
 */
export const ENTERPRISE_PRESET: DedupConfig = {
  fields: {
    name: { comparator: 'org-name' },
    creditCode: { comparator: 'edit-distance' },
    address: { comparator: 'address' },
    legalRepresentative: { comparator: 'name' },
  },
  blocking: [
    { name: 'credit-code', parts: [{ field: 'creditCode' }] },
    { name: 'name-start', parts: [{ field: 'name', prefix: 6 }] },
    {
      name: 'representative-name-initials',
      parts: [
        { field: 'legalRepresentative' },
        { field: 'name', transform: 'initials', prefix: 2 },
      ],
    },
  ],
}
