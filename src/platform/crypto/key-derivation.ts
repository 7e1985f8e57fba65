import { hkdfSync } from 'node:crypto'
import type { BinaryLike } from './sm3.js'

/** Key material for field encryption; see createFieldCipher. */
export interface FieldKeys {
  /** SM4 key, 16 bytes. */
  encKey: Uint8Array
  /** HMAC-SM3 key authenticating ciphertexts, 32 bytes. */
  macKey: Uint8Array
  /** HMAC-SM3 key for blind indexes, 32 bytes. Derived from macKey when omitted. */
  indexKey?: Uint8Array
}

/** Fixed, public salt: the master secret is expected to be high-entropy already. */
const SALT = 'tongban/field-keys/v1'
const MIN_MASTER_SECRET_BYTES = 32

/**
 * HKDF (RFC 5869) with HMAC-SM3. Node's hkdfSync accepts any OpenSSL digest, including 'sm3';
 * key-derivation.test.ts checks it against a hand-written RFC 5869 implementation.
 */
export const hkdfSm3 = (
  ikm: BinaryLike,
  salt: BinaryLike,
  info: string,
  length: number,
): Uint8Array => new Uint8Array(hkdfSync('sm3', ikm, salt, info, length))

const byteLength = (value: BinaryLike): number =>
  typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : value.byteLength

/**
 * Derives independent encryption, MAC and blind-index keys from one master secret (at least
 * 32 bytes; strings count as UTF-8) using HKDF-SM3 with a distinct info label per key.
 */
export const deriveFieldKeys = (masterSecret: BinaryLike): Required<FieldKeys> => {
  if (byteLength(masterSecret) < MIN_MASTER_SECRET_BYTES) {
    throw new RangeError(`master secret must be at least ${MIN_MASTER_SECRET_BYTES} bytes`)
  }
  return {
    encKey: hkdfSm3(masterSecret, SALT, 'tongban/field/sm4-ctr', 16),
    macKey: hkdfSm3(masterSecret, SALT, 'tongban/field/hmac-sm3', 32),
    indexKey: hkdfSm3(masterSecret, SALT, 'tongban/field/blind-index', 32),
  }
}

/** Blind-index key for FieldKeys without one: HKDF-SM3 of macKey, domain-separated. */
export const indexKeyFromMacKey = (macKey: Uint8Array): Uint8Array =>
  hkdfSm3(macKey, SALT, 'tongban/field/blind-index-from-mac', 32)
