import type { DataElement, ElementFormat, ValidationContext, ValueCheck } from './standard.types.js'
import { codeSetValidator } from './code-set-validator.js'
import { checkAmount, checkDate, checkDecimal, checkInteger } from './date-amount-validators.js'
import { checkDivisionCode } from './division-validators.js'
import { checkCreditCode, checkIdNumber } from './identity-validators.js'
import { checkIndustryCode } from './industry-code.js'
import { checkLandline, checkMobile, checkPhone } from './phone-validators.js'
import { failed, PASSED } from './value-check.js'
import type { ValueValidator } from './value-check.js'

/** The validator behind each format id. */
export const FORMAT_VALIDATORS: Readonly<Record<ElementFormat, ValueValidator>> = {
  gb11643: checkIdNumber,
  gb32100: checkCreditCode,
  uscc: checkCreditCode,
  mobile: checkMobile,
  landline: checkLandline,
  phone: checkPhone,
  date: checkDate,
  amount: checkAmount,
  division: checkDivisionCode,
  gb4754: checkIndustryCode,
}

export function isKnownFormat(id: string): id is ElementFormat {
  return Object.hasOwn(FORMAT_VALIDATORS, id)
}

function lengthValidator(maxLength: number): ValueValidator {
  return (value) => {
    // Code points, so a rare character outside the BMP counts once.
    let length = value.length
    if (length > maxLength) length = [...value].length
    if (length <= maxLength) return PASSED
    return failed('string.too_long', {
      zh: `长度 ${length} 超过上限 ${maxLength}`,
      en: `Length ${length} exceeds the limit of ${maxLength}`,
    })
  }
}

function typeValidator(element: DataElement): ValueValidator | undefined {
  switch (element.type) {
    case 'integer':
      return checkInteger
    case 'decimal':
      return element.format === 'amount' ? undefined : checkDecimal
    case 'date':
      return element.format === 'date' ? undefined : checkDate
    case 'string':
    case 'code':
      return undefined
  }
}

/** Every check an element implies, in order: length, type, format, code set. */
function validatorsOf(element: DataElement): ValueValidator[] {
  const validators: (ValueValidator | undefined)[] = [
    element.maxLength === undefined ? undefined : lengthValidator(element.maxLength),
    typeValidator(element),
    element.format === undefined ? undefined : FORMAT_VALIDATORS[element.format],
    element.codeSet === undefined ? undefined : codeSetValidator(element.codeSet),
  ]
  return validators.filter((v): v is ValueValidator => v !== undefined)
}

/**
 * A validator of an element's non-empty values: the first failing check's reason, or passed.
 * Throws RangeError for an unknown code set (checkStandard reports it first).
 */
export function elementValidator(element: DataElement): ValueValidator {
  const validators = validatorsOf(element)
  return (value: string, context: ValidationContext): ValueCheck => {
    for (const validate of validators) {
      const result = validate(value, context)
      if (!result.ok) return result
    }
    return PASSED
  }
}

/** Validates one value of an element; null or blank is passed here (completeness is separate). */
export function validateElementValue(
  element: DataElement,
  value: string | null,
  context: ValidationContext,
): ValueCheck {
  if (value === null || value.trim() === '') return PASSED
  return elementValidator(element)(value.trim(), context)
}
