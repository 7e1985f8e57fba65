import { fieldError, validationFailed, type FieldError } from '../../platform/errors.js'
import { message, type LocalizedMessage } from '../../platform/i18n/i18n.js'
import {
  CREDIT_CODE_REASON_MESSAGES,
  ID_NUMBER_REASON_MESSAGES,
  validateCreditCode,
  validateIdNumber,
  type CreditCode,
  type IdNumber,
} from '../../platform/standards/index.js'

/** A message whose `{reason}` is filled with the reason in the same language. */
function withReason(key: string, reason: LocalizedMessage): LocalizedMessage {
  return { zh: message(key, { reason: reason.zh }).zh, en: message(key, { reason: reason.en }).en }
}

/** The field error for a bad ID number: the standard's reason, prefixed in both languages. */
export function idNumberError(
  pointer: string,
  reason: keyof typeof ID_NUMBER_REASON_MESSAGES,
): FieldError {
  return fieldError(
    pointer,
    reason,
    withReason('identity.field.id_number_invalid', ID_NUMBER_REASON_MESSAGES[reason]),
  )
}

/** A GB 11643 ID number, or a 400 naming the field and the reason. */
export function requireIdNumber(value: string, pointer: string, today?: Date): IdNumber {
  const id = validateIdNumber(value, today ? { today } : {})
  if (!id.ok) throw validationFailed([idNumberError(pointer, id.reason)])
  return id.value
}

/** A GB 32100 unified social credit code, or a 400 naming the field and the reason. */
export function requireCreditCode(value: string, pointer: string): CreditCode {
  const code = validateCreditCode(value)
  if (code.ok) return code.value
  const text = withReason(
    'identity.field.credit_code_invalid',
    CREDIT_CODE_REASON_MESSAGES[code.reason],
  )
  throw validationFailed([fieldError(pointer, code.reason, text)])
}
