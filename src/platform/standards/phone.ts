import { validateLandline } from './phone-landline.js'
import type { LandlineNumber, LandlineReason } from './phone-landline.js'
import { stripSeparators, validateMobile } from './phone-mobile.js'
import type { MobileNumber, MobileReason } from './phone-mobile.js'
import { normaliseInput } from './validation.js'
import type { LocalisedMessage, Validation } from './validation.js'

export { validateLandline } from './phone-landline.js'
export type { LandlineNumber, LandlineReason } from './phone-landline.js'
export { validateMobile } from './phone-mobile.js'
export type { MobileNumber, MobileReason } from './phone-mobile.js'

export type PhoneReason = MobileReason | LandlineReason
export type PhoneNumber = MobileNumber | LandlineNumber

export const PHONE_REASON_MESSAGES: Record<PhoneReason, LocalisedMessage> = {
  bad_characters: {
    zh: '电话号码只能包含数字、空格、连字符和括号',
    en: 'A phone number may contain only digits, spaces, hyphens and parentheses',
  },
  bad_country_code: {
    zh: '仅支持中国大陆手机号码（+86）',
    en: 'Only mainland China mobile numbers (+86) are supported',
  },
  bad_length: { zh: '手机号码应为11位', en: 'A mobile number has 11 digits' },
  bad_prefix: { zh: '手机号码应以13至19开头', en: 'A mobile number starts with 13 to 19' },
  bad_area_code: {
    zh: '固定电话需包含以0开头的区号，如010或0571',
    en: 'A landline needs an area code starting with 0, such as 010 or 0571',
  },
  bad_local_number: {
    zh: '固定电话号码应为7至8位，且不以0或1开头',
    en: 'A landline number has 7 or 8 digits and does not start with 0 or 1',
  },
}

/** Landline when the compact number starts with a trunk 0 (and not 0086), mobile otherwise. */
const looksLikeLandline = (input: string): boolean => {
  const compact = stripSeparators(normaliseInput(input))
  return compact.startsWith('0') && !compact.startsWith('0086')
}

/** Validates a mobile or landline number, reporting the reason for the likelier kind. */
export const validatePhone = (input: string): Validation<PhoneNumber, PhoneReason> => {
  const mobile = validateMobile(input)
  if (mobile.ok) return mobile
  const landline = validateLandline(input)
  if (landline.ok) return landline
  return looksLikeLandline(input) ? landline : mobile
}

const maskDigits = (phone: PhoneNumber): string => {
  if (phone.kind === 'mobile') return `${phone.number.slice(0, 3)}****${phone.number.slice(7)}`
  const { areaCode, localNumber } = phone
  return `${areaCode}-${'*'.repeat(localNumber.length - 4)}${localNumber.slice(-4)}`
}

/**
 * Masks for display: mobiles keep the first 3 and last 4 digits (138****5678, no country code);
 * landlines keep the area code and last 4 digits (0571-***5678, extension dropped). Input that
 * is not a valid number is starred entirely.
 */
export const maskPhone = (phone: string): string => {
  const parsed = validatePhone(phone)
  return parsed.ok ? maskDigits(parsed.value) : '*'.repeat(normaliseInput(phone).length)
}
