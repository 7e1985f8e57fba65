// Public surface of the electronic licence (电子证照) core: pure functions, no database.

/** Stable error codes thrown for bad programmer or configuration input. */
export { LicenceError } from './licence.errors.js'
export type { LicenceErrorCode } from './licence.errors.js'

/** ISO 7064 MOD 37,36: check character for uppercase 0-9A-Z; throws RangeError otherwise. */
export { mod37_36CheckCharacter } from './mod37-36.js'
/** ISO 7064 MOD 37,36: true when the last character is the check character of the rest. */
export { mod37_36IsValid } from './mod37-36.js'

/** 55-character 证照标识 from its parts; throws LICENCE_IDENTIFIER_PART_INVALID. */
export { licenceIdentifier, LICENCE_IDENTIFIER_LENGTH } from './licence-identifier.js'
/** Identifier → { typeCode, issuerCreditCode, serial, version } or a reason code. */
export { parseLicenceIdentifier } from './licence-identifier.js'
/** LICENCE_IDENTIFIER_REASON_MESSAGES[reason] → { zh, en }. */
export { LICENCE_IDENTIFIER_REASON_MESSAGES } from './licence-identifier-messages.js'
export type {
  LicenceIdentifier,
  LicenceIdentifierParts,
  LicenceIdentifierReason,
} from './licence-identifier.js'

/** Core metadata type; canonicalForm(metadata) → the exact UTF-8 text that is signed. */
export { canonicalForm, LICENCE_CANONICAL_PROFILE } from './licence-metadata.js'
export type { HolderKind, LicenceDataValue, LicenceMetadata } from './licence-metadata.js'
/** checkLicenceMetadata(metadata) → every issue (JSON pointer + reason); [] when sound. */
export { checkLicenceMetadata } from './licence-metadata-check.js'
export type { LicenceMetadataIssue, LicenceMetadataReason } from './licence-metadata-check.js'
/** LICENCE_METADATA_REASON_MESSAGES[reason] → { zh, en }. */
export { LICENCE_METADATA_REASON_MESSAGES } from './licence-metadata-messages.js'

/** Fresh SM2 key pair, hex, private key from node:crypto randomness. */
export { generateSigningKey } from './licence-signature.js'
/** True when the public key derives from the private key; check once when loading keys. */
export { isSigningKeyPair } from './licence-signature.js'
/** SM2/SM3 signature (GM/T 0009, signer ID LICENCE_SIGNER_ID), DER lowercase hex. */
export { signLicence, LICENCE_SIGNER_ID } from './licence-signature.js'
/** True only for a valid signature over this exact metadata; never throws. */
export { verifyLicenceSignature } from './licence-signature.js'
export type { SigningKey } from './licence-signature.js'

/** valid | not_yet_valid | expired | revoked | cancelled at an instant (Shanghai days). */
export { licenceStatus } from './licence-status.js'
export type { LicenceLifecycle, LicenceStatus } from './licence-status.js'

/** TONGBAN-LICENCE:1:<identifier>:<16 hex of SM3(canonical form)>, QR-alphanumeric. */
export { licenceQrPayload, LICENCE_QR_PREFIX, LICENCE_QR_VERSION } from './licence-qr.js'
/** Scanned text → { version, identifier, digest } or a reason code. */
export { parseQrPayload, LICENCE_QR_REASON_MESSAGES } from './licence-qr.js'
/** True when a parsed payload names this licence and this exact metadata version. */
export { qrPayloadMatches } from './licence-qr.js'
/** SM3 of the canonical form, 64 lowercase hex digits. */
export { canonicalDigest } from './licence-qr.js'
export type { LicenceQrPayload, LicenceQrReason } from './licence-qr.js'
