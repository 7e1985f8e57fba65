import { invalid, normaliseInput, valid } from './validation.js'
import type { Validation } from './validation.js'

export type MobileReason = 'bad_characters' | 'bad_country_code' | 'bad_length' | 'bad_prefix'

export interface MobileNumber {
  kind: 'mobile'
  /** 11 digits, no country code: 13812345678. */
  number: string
  /** +8613812345678. */
  e164: string
}

const COUNTRY_PREFIX = /^(?:\+86|0086)/

/** Removes spaces, hyphens, dots and parentheses used for grouping. */
export const stripSeparators = (value: string): string => value.replace(/[\s\-.()]/g, '')

/** Drops +86/0086, and a bare 86 in front of 11 digits; other + prefixes are foreign. */
const dropCountryCode = (compact: string): Validation<string, MobileReason> => {
  if (COUNTRY_PREFIX.test(compact)) return valid(compact.replace(COUNTRY_PREFIX, ''))
  if (compact.startsWith('+')) return invalid('bad_country_code')
  return valid(/^86\d{11}$/.test(compact) ? compact.slice(2) : compact)
}

/** Validates a mainland mobile number (1[3-9] + 9 digits); +86/0086/86 prefixes are dropped. */
export const validateMobile = (input: string): Validation<MobileNumber, MobileReason> => {
  const compact = stripSeparators(normaliseInput(input))
  if (!/^\+?\d+$/.test(compact)) return invalid('bad_characters')
  const national = dropCountryCode(compact)
  if (!national.ok) return national
  const number = national.value
  if (number.length !== 11) return invalid('bad_length')
  if (!/^1[3-9]/.test(number)) return invalid('bad_prefix')
  return valid({ kind: 'mobile', number, e164: `+86${number}` })
}
