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

// One-entry memo: a row's ID checks (validity, then the cross checks) ask for one number in turn.
let memoValue = ''
let memoToday = ''
let memoResult: ReturnType<typeof validateIdNumber> | undefined

/** validateIdNumber with today as a China date ('YYYY-MM-DD'), remembering the last answer. */
export function parseIdNumber(value: string, today: string): ReturnType<typeof validateIdNumber> {
  if (memoResult === undefined || value !== memoValue || today !== memoToday) {
    memoResult = validateIdNumber(value, { today: instantFor(today) })
    memoValue = value
    memoToday = today
  }
  return memoResult
}

/** GB 11643 公民身份号码 (check character, real birth date not in the future, known division). */
export function checkIdNumber(value: string, context: ValidationContext): ValueCheck {
  const result = parseIdNumber(value, context.today)
  if (result.ok) return PASSED
  return failed(`gb11643.${result.reason}`, ID_NUMBER_REASON_MESSAGES[result.reason])
}

/** GB 32100 统一社会信用代码 (alphabet, MOD 31 check character, known division). */
export function checkCreditCode(value: string): ValueCheck {
  const result = validateCreditCode(value)
  if (result.ok) return PASSED
  return failed(`gb32100.${result.reason}`, CREDIT_CODE_REASON_MESSAGES[result.reason])
}
