import { sm3Hex } from '../../../platform/crypto/index.js'
import type { LocalisedMessage, Validation } from '../../../platform/standards/index.js'
import { LicenceError } from './licence.errors.js'
import { parseLicenceIdentifier } from './licence-identifier.js'
import type { LicenceIdentifier } from './licence-identifier.js'
import { canonicalForm } from './licence-metadata.js'
import type { LicenceMetadata } from './licence-metadata.js'

/*
 * QR payload, 90 characters:  TONGBAN-LICENCE:1:<55-character identifier>:<16 hex digits>
 *
 * The digits are the first 64 bits of SM3(canonical form), uppercase: they tie the printed or
 * shown licence to one exact version of the registry record. They are not a signature; a
 * verifier looks the identifier up and checks the signature there. Every character is in the QR
 * alphanumeric set (0-9, A-Z, '-', ':'), which packs 5.5 bits per character against 8 in byte
 * mode, and none needs escaping in a URL.
 */
export const LICENCE_QR_PREFIX = 'TONGBAN-LICENCE'
export const LICENCE_QR_VERSION = 1
const DIGEST_DIGITS = 16

export interface LicenceQrPayload {
  version: typeof LICENCE_QR_VERSION
  identifier: LicenceIdentifier
  /** 16 uppercase hex digits. */
  digest: string
}

export type LicenceQrReason = 'bad_format' | 'unsupported_version' | 'bad_identifier' | 'bad_digest'

export const LICENCE_QR_REASON_MESSAGES: Record<LicenceQrReason, LocalisedMessage> = {
  bad_format: { zh: '这不是通办电子证照二维码', en: 'This is not a tongban licence QR code' },
  unsupported_version: {
    zh: '二维码版本过新，请升级后再扫描',
    en: 'This QR code is from a newer version; please update and scan again',
  },
  bad_identifier: {
    zh: '二维码中的证照标识无效',
    en: 'The licence identifier in the code is invalid',
  },
  bad_digest: { zh: '二维码中的校验摘要无效', en: 'The digest in the code is invalid' },
}

/** SM3 of the canonical form (the signed text), 64 lowercase hex digits. */
export const canonicalDigest = (metadata: LicenceMetadata): string =>
  sm3Hex(canonicalForm(metadata))

const shortDigest = (metadata: LicenceMetadata): string =>
  canonicalDigest(metadata).slice(0, DIGEST_DIGITS).toUpperCase()

/** The payload for this licence; throws LICENCE_IDENTIFIER_INVALID for a bad identifier. */
export const licenceQrPayload = (metadata: LicenceMetadata): string => {
  const parsed = parseLicenceIdentifier(metadata.identifier)
  if (!parsed.ok) throw new LicenceError('LICENCE_IDENTIFIER_INVALID', parsed.reason)
  const parts = [LICENCE_QR_PREFIX, LICENCE_QR_VERSION, parsed.value.identifier]
  return [...parts, shortDigest(metadata)].join(':')
}

/** Parses a scanned payload; case and surrounding spaces are forgiven. */
export const parseQrPayload = (text: string): Validation<LicenceQrPayload, LicenceQrReason> => {
  const fields = text.trim().toUpperCase().split(':')
  const [prefix, version, identifier = '', digest = ''] = fields
  if (fields.length !== 4 || prefix !== LICENCE_QR_PREFIX || !/^\d+$/.test(version ?? '')) {
    return { ok: false, reason: 'bad_format' }
  }
  if (version !== String(LICENCE_QR_VERSION)) return { ok: false, reason: 'unsupported_version' }
  const parsed = parseLicenceIdentifier(identifier)
  if (!parsed.ok) return { ok: false, reason: 'bad_identifier' }
  if (!/^[0-9A-F]{16}$/.test(digest)) return { ok: false, reason: 'bad_digest' }
  return { ok: true, value: { version: LICENCE_QR_VERSION, identifier: parsed.value, digest } }
}

/** True when the payload names this licence and this exact version of its metadata. */
export const qrPayloadMatches = (payload: LicenceQrPayload, metadata: LicenceMetadata): boolean =>
  payload.identifier.identifier === metadata.identifier && payload.digest === shortDigest(metadata)
