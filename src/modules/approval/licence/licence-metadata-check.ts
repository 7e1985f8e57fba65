import { isIsoDate } from '../../../platform/calendar/index.js'
import { validateCreditCode, validateIdNumber } from '../../../platform/standards/index.js'
import { parseLicenceIdentifier } from './licence-identifier.js'
import type { HolderKind, LicenceMetadata } from './licence-metadata.js'

export type LicenceMetadataReason =
  | 'blank'
  | 'identifier_invalid'
  | 'type_code_mismatch'
  | 'issuer_code_mismatch'
  | 'holder_code_invalid'
  | 'date_invalid'
  | 'validity_reversed'
  | 'data_value_invalid'

/** One problem, located by a JSON pointer into the metadata (e.g. `/holder/code`). */
export interface LicenceMetadataIssue {
  pointer: string
  reason: LicenceMetadataReason
}

type Check = (metadata: LicenceMetadata) => LicenceMetadataIssue[]

const issue = (pointer: string, reason: LicenceMetadataReason): LicenceMetadataIssue[] => [
  { pointer, reason },
]

const blanks: Check = (m) =>
  (
    [
      ['/name', m.name],
      ['/type/name', m.type.name],
      ['/number', m.number],
      ['/holder/name', m.holder.name],
      ['/issuer/name', m.issuer.name],
      ['/legalBasis', m.legalBasis],
    ] as const
  ).flatMap(([pointer, text]) => (text.trim() === '' ? issue(pointer, 'blank') : []))

const identifierAgrees: Check = (m) => {
  const parsed = parseLicenceIdentifier(m.identifier)
  // The signed text holds the identifier as given, so only its canonical spelling is accepted.
  if (!parsed.ok || parsed.value.identifier !== m.identifier) {
    return issue('/identifier', 'identifier_invalid')
  }
  return [
    ...(parsed.value.typeCode === m.type.code ? [] : issue('/type/code', 'type_code_mismatch')),
    ...(parsed.value.issuerCreditCode === m.issuer.code
      ? []
      : issue('/issuer/code', 'issuer_code_mismatch')),
  ]
}

const canonicalHolderCode = (kind: HolderKind, code: string, today?: Date): string | undefined => {
  if (kind === 'natural_person') {
    const id = validateIdNumber(code, today ? { today } : {})
    return id.ok ? id.value.idNumber : undefined
  }
  const credit = validateCreditCode(code)
  return credit.ok ? credit.value.creditCode : undefined
}

const holderCode: Check = ({ holder, issuedOn }) => {
  // Born after the issue date is wrong; without a sound issue date, today is the limit.
  const today = isIsoDate(issuedOn) ? new Date(`${issuedOn}T23:59:59+08:00`) : undefined
  // As with the identifier, the signed text holds the code as given: only its canonical spelling.
  return canonicalHolderCode(holder.kind, holder.code, today) === holder.code
    ? []
    : issue('/holder/code', 'holder_code_invalid')
}

const dates: Check = ({ issuedOn, validFrom, validUntil }) => [
  ...(isIsoDate(issuedOn) ? [] : issue('/issuedOn', 'date_invalid')),
  ...(isIsoDate(validFrom) ? [] : issue('/validFrom', 'date_invalid')),
  ...(validUntil === null || isIsoDate(validUntil) ? [] : issue('/validUntil', 'date_invalid')),
  ...(validUntil !== null && validUntil < validFrom
    ? issue('/validUntil', 'validity_reversed')
    : []),
]

const pointerToken = (key: string): string => key.replaceAll('~', '~0').replaceAll('/', '~1')

const dataValues: Check = ({ data }) =>
  Object.entries(data).flatMap(([key, value]) =>
    typeof value === 'number' && !Number.isFinite(value)
      ? issue(`/data/${pointerToken(key)}`, 'data_value_invalid')
      : [],
  )

const CHECKS: readonly Check[] = [blanks, identifierAgrees, holderCode, dates, dataValues]

/** Every problem that should stop a licence being signed; empty when the metadata is sound. */
export const checkLicenceMetadata = (metadata: LicenceMetadata): LicenceMetadataIssue[] =>
  CHECKS.flatMap((check) => check(metadata))
