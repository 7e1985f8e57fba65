import {
  PHONE_REASON_MESSAGES,
  validateLandline,
  validateMobile,
  validatePhone,
} from '../../../platform/standards/index.js'
import type { PhoneReason } from '../../../platform/standards/index.js'
import type { ValueCheck } from './standard.types.js'
import { failed, PASSED } from './value-check.js'

type PhoneResult = { ok: true } | { ok: false; reason: PhoneReason }

function toCheck(prefix: string, result: PhoneResult): ValueCheck {
  if (result.ok) return PASSED
  return failed(`${prefix}.${result.reason}`, PHONE_REASON_MESSAGES[result.reason])
}

/** A mainland mobile number: 11 digits starting 13–19, +86 allowed. */
export const checkMobile = (value: string): ValueCheck => toCheck('mobile', validateMobile(value))

/** A landline with its area code: 010-12345678, 0571 8888 1234 转 12. */
export const checkLandline = (value: string): ValueCheck =>
  toCheck('landline', validateLandline(value))

/** A mobile or a landline, whichever parses. */
export const checkPhone = (value: string): ValueCheck => toCheck('phone', validatePhone(value))
