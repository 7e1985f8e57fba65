import { validateCreditCode } from '../../../platform/standards/index.js'
import type { Validation } from '../../../platform/standards/index.js'
import { LicenceError } from './licence.errors.js'
import { mod37_36CheckCharacter, mod37_36IsValid } from './mod37-36.js'

/**
 * 证照标识 (licence identifier), modelled on GB/T 36904: 55 characters, fixed positions.
 *
 *   1–21  证照类型代码: credit code of the department that defines the type + 3-digit number
 *  22–39  颁发机构代码: the issuer's unified social credit code (GB 32100)
 *  40–51  序号: 12 digits, zero-padded, from 1; unique per issuer and type
 *  52–54  版本号: 3 digits, 001–999; raised when the same licence is changed or re-issued
 *     55  校验位: ISO 7064 MOD 37,36 over characters 1–54
 */
export const LICENCE_IDENTIFIER_LENGTH = 55

export interface LicenceIdentifierParts {
  /** 21 characters: an 18-character credit code and a 3-digit number (001–999). */
  typeCode: string
  issuerCreditCode: string
  /** 1 to 999 999 999 999. */
  serial: number
  /** 1 to 999. */
  version: number
}

export interface LicenceIdentifier extends LicenceIdentifierParts {
  identifier: string
}

export type LicenceIdentifierReason =
  | 'bad_length'
  | 'bad_characters'
  | 'bad_check_character'
  | 'bad_type_code'
  | 'bad_issuer'
  | 'bad_serial'
  | 'bad_version'

const SERIAL_DIGITS = 12
const VERSION_DIGITS = 3
const TYPE_CODE = /^(.{18})(\d{3})$/

const normalise = (input: string): string => input.normalize('NFKC').trim().toUpperCase()

/** The canonical type code, or undefined when it is not a credit code plus 001–999. */
const typeCodeOf = (input: string): string | undefined => {
  const [, department = '', number = '000'] = TYPE_CODE.exec(normalise(input)) ?? []
  const credit = validateCreditCode(department)
  return credit.ok && number !== '000' ? credit.value.creditCode + number : undefined
}

const isCount = (value: number, digits: number): boolean =>
  Number.isSafeInteger(value) && value >= 1 && value < 10 ** digits

const pad = (value: number, digits: number): string => String(value).padStart(digits, '0')

const partError = (reason: LicenceIdentifierReason): LicenceError =>
  new LicenceError('LICENCE_IDENTIFIER_PART_INVALID', reason)

const bodyOf = ({ typeCode, issuerCreditCode, serial, version }: LicenceIdentifierParts) => {
  const type = typeCodeOf(typeCode)
  if (type === undefined) throw partError('bad_type_code')
  const issuer = validateCreditCode(issuerCreditCode)
  if (!issuer.ok) throw partError('bad_issuer')
  if (!isCount(serial, SERIAL_DIGITS)) throw partError('bad_serial')
  if (!isCount(version, VERSION_DIGITS)) throw partError('bad_version')
  return type + issuer.value.creditCode + pad(serial, SERIAL_DIGITS) + pad(version, VERSION_DIGITS)
}

/** Builds the identifier; throws LicenceError LICENCE_IDENTIFIER_PART_INVALID for a bad part. */
export const licenceIdentifier = (parts: LicenceIdentifierParts): string => {
  const body = bodyOf(parts)
  return body + mod37_36CheckCharacter(body)
}

const countAt = (id: string, start: number, digits: number): number | undefined => {
  const text = id.slice(start, start + digits)
  return /^\d+$/.test(text) && Number(text) >= 1 ? Number(text) : undefined
}

const partsOf = (id: string): Validation<LicenceIdentifier, LicenceIdentifierReason> => {
  const typeCode = typeCodeOf(id.slice(0, 21))
  if (typeCode === undefined) return { ok: false, reason: 'bad_type_code' }
  const issuerCreditCode = id.slice(21, 39)
  if (!validateCreditCode(issuerCreditCode).ok) return { ok: false, reason: 'bad_issuer' }
  const serial = countAt(id, 39, SERIAL_DIGITS)
  if (serial === undefined) return { ok: false, reason: 'bad_serial' }
  const version = countAt(id, 51, VERSION_DIGITS)
  if (version === undefined) return { ok: false, reason: 'bad_version' }
  return { ok: true, value: { identifier: id, typeCode, issuerCreditCode, serial, version } }
}

/** Parses and checks an identifier; lowercase, full-width and surrounding spaces are accepted. */
export const parseLicenceIdentifier = (
  input: string,
): Validation<LicenceIdentifier, LicenceIdentifierReason> => {
  const id = normalise(input)
  if (id.length !== LICENCE_IDENTIFIER_LENGTH) return { ok: false, reason: 'bad_length' }
  if (!/^[0-9A-Z]+$/.test(id)) return { ok: false, reason: 'bad_characters' }
  if (!mod37_36IsValid(id)) return { ok: false, reason: 'bad_check_character' }
  return partsOf(id)
}
