import { canonicalJson } from './canonical-json.js'
import { LicenceError } from './licence.errors.js'

/**
 * 持证主体类型. A natural person is identified by a GB 11643 ID number; every other kind by a
 * GB 32100 unified social credit code (个体工商户 have one too).
 */
export type HolderKind =
  'natural_person' | 'legal_person' | 'unincorporated_organisation' | 'individual_business'

/** One field of the licence face (照面信息); the record is flat by design. */
export type LicenceDataValue = string | number | boolean | null

/** Core metadata in the spirit of GB/T 36903; every field is covered by the signature. */
export interface LicenceMetadata {
  /** 证照标识 (see licence-identifier.ts). */
  identifier: string
  /** 证照名称, e.g. 食品经营许可证. */
  name: string
  /** 证照类型: the 21-character type code and its name. */
  type: { code: string; name: string }
  /** 证照编号: the number printed on the licence, in the issuer's own format. */
  number: string
  /** 持证主体: name, 主体代码 (ID number or credit code) and 主体类型. */
  holder: { name: string; code: string; kind: HolderKind }
  /** 发证机构: name and unified social credit code. */
  issuer: { name: string; code: string }
  /** 发证日期, 'YYYY-MM-DD'. */
  issuedOn: string
  /** 有效期起始, 'YYYY-MM-DD' (Asia/Shanghai calendar day, inclusive). */
  validFrom: string
  /** 有效期截止, 'YYYY-MM-DD' inclusive; null for 长期 (no end). */
  validUntil: string | null
  /** 证照颁发依据: the law or regulation the licence is issued under. */
  legalBasis: string
  /** The licence's own fields (照面信息), flat: key → scalar. */
  data: Readonly<Record<string, LicenceDataValue>>
}

/**
 * Names the canonicalisation rules inside the signed text, so a later change of rules or fields
 * cannot make an old signature verify over differently-read bytes.
 */
export const LICENCE_CANONICAL_PROFILE = 'tongban-licence-metadata/1'

const flat = (data: LicenceMetadata['data']): Record<string, unknown> => {
  const values: unknown[] = Object.values(data)
  if (values.some((value) => typeof value === 'object' && value !== null)) {
    throw new LicenceError('LICENCE_METADATA_NOT_CANONICAL', 'data must be a flat record')
  }
  return { ...data }
}

/**
 * The text the signature covers: canonical JSON (RFC 8785 key order, NFC strings, no whitespace)
 * of the fields named here plus `profile`; fields outside LicenceMetadata are ignored. Throws
 * LICENCE_METADATA_NOT_CANONICAL for values JSON cannot carry (NaN, unpaired surrogates, …).
 */
export const canonicalForm = (metadata: LicenceMetadata): string => {
  const { identifier, name, type, number, holder, issuer, issuedOn } = metadata
  const { validFrom, validUntil, legalBasis, data } = metadata
  return canonicalJson({
    profile: LICENCE_CANONICAL_PROFILE,
    identifier,
    name,
    type: { code: type.code, name: type.name },
    number,
    holder: { name: holder.name, code: holder.code, kind: holder.kind },
    issuer: { name: issuer.name, code: issuer.code },
    issuedOn,
    validFrom,
    validUntil,
    legalBasis,
    data: flat(data),
  })
}
