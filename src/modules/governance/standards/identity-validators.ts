import {
  CREDIT_CODE_REASON_MESSAGES,
  ID_NUMBER_REASON_MESSAGES,
  validateCreditCode,
  validateIdNumber,
} from '../../../platform/standards/index.js'
import type { ValidationContext, ValueCheck } from './standard.types.js'
import { failed, instantOf, PASSED } from './value-check.js'

// The instant for the last `today` seen: one per run, not one Date per value.
let lastToday = ''
let lastInstant = new Date(0)

function instantFor(today: string): Date {
  if (today !== lastToday) {
    lastInstant = instantOf(today)
    lastToday = today
  }
  return lastInstant
}

/** GB 11643 公民身份号码 (check character, real birth date not in the future, known division). */
export function checkIdNumber(value: string, context: ValidationContext): ValueCheck {
  const result = validateIdNumber(value, { today: instantFor(context.today) })
  if (result.ok) return PASSED
  return failed(`gb11643.${result.reason}`, ID_NUMBER_REASON_MESSAGES[result.reason])
}

/** GB 32100 统一社会信用代码 (alphabet, MOD 31 check character, known division). */
export function checkCreditCode(value: string): ValueCheck {
  const result = validateCreditCode(value)
  if (result.ok) return PASSED
  return failed(`gb32100.${result.reason}`, CREDIT_CODE_REASON_MESSAGES[result.reason])
}
