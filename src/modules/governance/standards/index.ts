/** Data standards (数据标准): elements grouped into standards, and validators of element values. */

export type {
  CrossCheck,
  CrossCheckId,
  DataElement,
  DataStandard,
  ElementFormat,
  ElementType,
  ValidationContext,
  ValueCheck,
} from './standard.types.js'

// POPULATION_STANDARD: 人口基础信息 ('population'), 10 elements, unique id_number.
export { POPULATION_STANDARD } from './population-standard.js'
// LEGAL_PERSON_STANDARD: 法人基础信息 ('legal_person'), 8 elements, unique credit_code.
export { LEGAL_PERSON_STANDARD } from './legal-person-standard.js'
// BUILT_IN_STANDARDS: the two above, checked at load.
export { BUILT_IN_STANDARDS } from './registry.js'
// findStandard(code) → DataStandard; throws UnknownStandardError listing the known codes.
export { findStandard } from './registry.js'
// listStandards() → the built-in standards.
export { listStandards } from './registry.js'
// createStandardRegistry(standards) → { find, list } over checked standards; refuses duplicates.
export { createStandardRegistry } from './registry.js'
export type { StandardRegistry } from './registry.js'
// defineStandard(standard) → the standard; throws StandardDefinitionError naming each bad element.
export { defineStandard } from './registry.js'
// findElement(standard, key) → DataElement | undefined.
export { findElement } from './registry.js'
// checkStandard(standard) → issues (unknown format or code set, duplicate key, unknown field…).
export { checkStandard } from './check-standard.js'
// UnknownStandardError / StandardDefinitionError: thrown errors with zh and en.
export { StandardDefinitionError, UnknownStandardError } from './standard-errors.js'
export type { StandardIssue } from './standard-errors.js'

// elementValidator(element) → (value, context) → ValueCheck: length, type, format, code set.
export { elementValidator } from './element-validator.js'
// validateElementValue(element, value | null, context) → ValueCheck; empty values pass here.
export { validateElementValue } from './element-validator.js'
// FORMAT_VALIDATORS[format] → the validator of that format id; isKnownFormat(id) → boolean.
export { FORMAT_VALIDATORS, isKnownFormat } from './element-validator.js'
// checkIdNumber(value, context) → GB 11643 check; reasons gb11643.<platform reason>.
export { checkCreditCode, checkIdNumber } from './identity-validators.js'
// parseIdNumber(value, today) → validateIdNumber's result, the last one remembered (rows check one
// number several times).
export { parseIdNumber } from './identity-validators.js'
// checkMobile / checkLandline / checkPhone(value) → reasons mobile.* / landline.* / phone.*.
export { checkLandline, checkMobile, checkPhone } from './phone-validators.js'
// checkDate(value, context) → real date, not after today; date.bad_format/not_a_date/in_future.
export { checkDate, normaliseDate } from './date-amount-validators.js'
// checkAmount(value) → decimal ≥ 0 with ≤ 2 decimals; amount.bad_format/negative/too_many_decimals.
export { checkAmount, checkDecimal, checkInteger } from './date-amount-validators.js'
// checkDivisionCode(value) → GB/T 2260 code known; division.bad_format / division.unknown.
export { checkDivisionCode } from './division-validators.js'
// checkAddressInDivision(address, code) → the address names the division, its city or province.
export { checkAddressInDivision, divisionNames } from './division-validators.js'
// checkIndustryCode(value) → GB/T 4754 letter + 2–4 digits in that section.
export { checkIndustryCode } from './industry-code.js'
// codeSetValidator(id) → membership check ('division' or a code-mapping set); isKnownCodeSet(id).
export { codeSetValidator, DIVISION_CODE_SET, isKnownCodeSet } from './code-set-validator.js'
// validationContext(instant) → { today } in China time; chinaToday(instant) → 'YYYY-MM-DD'.
export { chinaToday, PASSED, validationContext } from './value-check.js'
export type { ValueValidator } from './value-check.js'
