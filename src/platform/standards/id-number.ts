import { chinaDate, digitsAt, isRealDate } from './calendar-date.js'
import { isKnownDivisionPrefix } from './division.js'
import { invalid, normaliseInput, valid } from './validation.js'
import type { LocalisedMessage, Validation } from './validation.js'

/** GB 11643-1999 公民身份号码: 6-digit address code, 8-digit birth date, 3-digit sequence, check. */

export type IdNumberReason =
  | 'bad_length'
  | 'bad_characters'
  | 'bad_check_digit'
  | 'invalid_birth_date'
  | 'birth_date_in_future'
  | 'birth_date_too_early'
  | 'unknown_division'

export interface IdNumber {
  /** Uppercase, 18 characters. */
  idNumber: string
  divisionCode: string
  /** 'YYYY-MM-DD'. */
  birthDate: string
  sex: 'male' | 'female'
}

export interface IdNumberOptions {
  /** Instant regarded as now; its date in China Standard Time bounds the birth date. */
  today?: Date
}

export const ID_NUMBER_REASON_MESSAGES: Record<IdNumberReason, LocalisedMessage> = {
  bad_length: { zh: '身份证号码应为18位', en: 'An ID number has 18 characters' },
  bad_characters: {
    zh: '身份证号码前17位应为数字，最后一位为数字或X',
    en: 'An ID number is 17 digits followed by a digit or X',
  },
  bad_check_digit: {
    zh: '身份证号码校验位不正确，请核对',
    en: 'The ID number check character does not match; please check for typos',
  },
  invalid_birth_date: {
    zh: '身份证号码中的出生日期无效',
    en: 'The birth date in the ID number is not a real date',
  },
  birth_date_in_future: {
    zh: '身份证号码中的出生日期晚于今天',
    en: 'The birth date in the ID number is in the future',
  },
  birth_date_too_early: {
    zh: '身份证号码中的出生日期早于1900年',
    en: 'The birth date in the ID number is before 1900',
  },
  unknown_division: {
    zh: '身份证号码前6位不是有效的行政区划代码',
    en: 'The first 6 digits of the ID number are not a known division code',
  },
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_CHARS = '10X98765432'
const EARLIEST_BIRTH_DATE = 1900_01_01

/** ISO 7064 MOD 11-2 check character for the first 17 digits; throws RangeError otherwise. */
export const computeIdCheckChar = (first17: string): string => {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('first17 must be exactly 17 digits')
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17.charAt(i)), 0)
  return CHECK_CHARS.charAt(sum % 11)
}

// "Today" as the number YYYYMMDD for the last instant seen: one per run, not one per ID number.
let lastTodayMs = Number.NaN
let lastTodayNumber = 0

const todayNumber = (today: Date): number => {
  const ms = today.getTime()
  if (ms !== lastTodayMs) {
    const iso = chinaDate(today)
    lastTodayNumber = Number(iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10))
    lastTodayMs = ms
  }
  return lastTodayNumber
}

/** The 17-digit body's weighted sum mod 11, or -1 when a character of it is not a digit. */
const weightedSum = (id: string): number => {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const d = id.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    sum += (WEIGHTS[i] as number) * d
  }
  return sum % 11
}

const X = 88

const checkBirthDate = (id: string, today: Date): IdNumberReason | undefined => {
  const y = digitsAt(id, 6, 10)
  const m = digitsAt(id, 10, 12)
  const d = digitsAt(id, 12, 14)
  if (!isRealDate(y, m, d)) return 'invalid_birth_date'
  const birth = y * 10_000 + m * 100 + d
  if (birth < EARLIEST_BIRTH_DATE) return 'birth_date_too_early'
  if (birth > todayNumber(today)) return 'birth_date_in_future'
  return undefined
}

/** Validates an 18-character ID number; lowercase x and full-width characters are normalised. */
export const validateIdNumber = (
  input: string,
  options: IdNumberOptions = {},
): Validation<IdNumber, IdNumberReason> => {
  const idNumber = normaliseInput(input).toUpperCase()
  if (idNumber.length !== 18) return invalid('bad_length')
  const sum = weightedSum(idNumber)
  const last = idNumber.charCodeAt(17)
  if (sum < 0 || !((last >= 48 && last <= 57) || last === X)) return invalid('bad_characters')
  if (CHECK_CHARS.charCodeAt(sum) !== last) return invalid('bad_check_digit')
  const badBirth = checkBirthDate(idNumber, options.today ?? new Date())
  if (badBirth !== undefined) return invalid(badBirth)
  const divisionCode = idNumber.slice(0, 6)
  if (!isKnownDivisionPrefix(divisionCode)) return invalid('unknown_division')
  const sex = (idNumber.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female'
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`
  return valid({ idNumber, divisionCode, birthDate, sex })
}

/**
 * Masks the common government way: first 6 (division) and last 4 kept, the 8 between starred,
 * e.g. 330106********1234. Anything not 18 characters after normalisation is starred entirely,
 * so malformed input never leaks.
 */
export const maskIdNumber = (id: string): string => {
  const normalised = normaliseInput(id).toUpperCase()
  if (normalised.length !== 18) return '*'.repeat(normalised.length)
  return `${normalised.slice(0, 6)}${'*'.repeat(8)}${normalised.slice(14)}`
}
