import { ENTERPRISE_PRESET, PERSON_PRESET } from './dedup/index.js'
import type { DedupConfig } from './dedup/index.js'

/** How a standard's rows become dedup records: the comparison preset and its fields' elements. */
export interface DedupSetup {
  preset: 'person' | 'enterprise'
  config: DedupConfig
  /** Preset field → the standard's element key. */
  fields: Readonly<Record<string, string>>
}

const SETUPS: Readonly<Record<string, DedupSetup>> = {
  population: {
    preset: 'person',
    config: PERSON_PRESET,
    fields: {
      name: 'name',
      birthDate: 'birth_date',
      idNumber: 'id_number',
      phone: 'phone',
      address: 'household_address',
    },
  },
  legal_person: {
    preset: 'enterprise',
    config: ENTERPRISE_PRESET,
    fields: {
      name: 'name',
      creditCode: 'credit_code',
      address: 'registered_address',
      legalRepresentative: 'legal_representative',
    },
  },
}

/** The setup of a standard whose rows are persons or enterprises; undefined for any other. */
export const dedupSetupOf = (standard: string): DedupSetup | undefined =>
  Object.hasOwn(SETUPS, standard) ? SETUPS[standard] : undefined
