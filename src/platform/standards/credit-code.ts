import { AUTHORITY_NAMES, CATEGORY_NAMES } from './credit-code-authorities.js'
import { isKnownDivisionPrefix } from './division.js'
import { invalid, normaliseInput, valid } from './validation.js'
import type { LocalisedMessage, Validation } from './validation.js'

/** GB 32100-2015 统一社会信用代码 (unified social credit code). */

export type CreditCodeReason =
  'bad_length' | 'bad_characters' | 'bad_check_digit' | 'unknown_division'

export interface CodeWithName {
  code: string
  /** Null when the code is not in the informational table. */
  name: string | null
}

export interface CreditCode {
  /** Uppercase, 18 characters. */
  creditCode: string
  authority: CodeWithName
  category: CodeWithName
  divisionCode: string
}

export const CREDIT_CODE_REASON_MESSAGES: Record<CreditCodeReason, LocalisedMessage> = {
  bad_length: {
    zh: '统一社会信用代码应为18位',
    en: 'A unified social credit code has 18 characters',
  },
  bad_characters: {
    zh: '统一社会信用代码只能包含数字和除I、O、Z、S、V以外的大写字母',
    en: 'A unified social credit code uses digits and letters other than I, O, Z, S and V',
  },
  bad_check_digit: {
    zh: '统一社会信用代码校验位不正确，请核对',
    en: 'The credit code check character does not match; please check for typos',
  },
  unknown_division: {
    zh: '统一社会信用代码第3至8位不是有效的行政区划代码',
    en: 'Characters 3 to 8 of the credit code are not a known division code',
  },
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const
/** Registration authorities at national level (e.g. ministries) use 100000 for the division. */
const NATIONAL_DIVISION_CODE = '100000'
const CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/

/** Check character for the first 17 characters (uppercase); throws RangeError otherwise. */
export const computeCreditCodeCheckChar = (first17: string): string => {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17)) {
    throw new RangeError('first17 must be 17 characters from the GB 32100 alphabet')
  }
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * ALPHABET.indexOf(first17.charAt(i)), 0)
  return ALPHABET.charAt((31 - (sum % 31)) % 31)
}

const describe = (
  code: string,
  names: Readonly<Record<string, string>> | undefined,
): CodeWithName => ({ code, name: names?.[code] ?? null })

const isKnownDivision = (code6: string): boolean =>
  code6 === NATIONAL_DIVISION_CODE || isKnownDivisionPrefix(code6)

/** Validates a unified social credit code; lowercase and full-width input is normalised. */
export const validateCreditCode = (input: string): Validation<CreditCode, CreditCodeReason> => {
  const creditCode = normaliseInput(input).toUpperCase()
  if (creditCode.length !== 18) return invalid('bad_length')
  if (!CODE_PATTERN.test(creditCode)) return invalid('bad_characters')
  if (computeCreditCodeCheckChar(creditCode.slice(0, 17)) !== creditCode.charAt(17)) {
    return invalid('bad_check_digit')
  }
  const divisionCode = creditCode.slice(2, 8)
  if (!isKnownDivision(divisionCode)) return invalid('unknown_division')
  const authorityCode = creditCode.charAt(0)
  return valid({
    creditCode,
    authority: describe(authorityCode, AUTHORITY_NAMES),
    category: describe(creditCode.charAt(1), CATEGORY_NAMES[authorityCode]),
    divisionCode,
  })
}
