import { CryptoIntegrityError } from './errors.js'

/** Wire format of an encrypted field: v1.<base64url(iv)>.<base64url(ct)>.<base64url(tag)>. */

export const TOKEN_VERSION = 'v1'
/** Byte prepended to iv ‖ ciphertext under the MAC, binding the tag to the format version. */
export const VERSION_BYTE = 0x01
export const IV_BYTES = 16
export const TAG_BYTES = 32

export interface FieldToken {
  iv: Buffer
  ciphertext: Buffer
  tag: Buffer
}

export const encodeToken = ({ iv, ciphertext, tag }: FieldToken): string =>
  [TOKEN_VERSION, ...[iv, ciphertext, tag].map((bytes) => bytes.toString('base64url'))].join('.')

/**
 * Strict base64url: Buffer.from is lenient (it skips invalid characters and ignores spare
 * bits), so the decoding must re-encode to the same text, or the token is malformed.
 */
const decodeStrict = (text: string): Buffer => {
  const bytes = Buffer.from(text, 'base64url')
  if (bytes.toString('base64url') !== text) throw new CryptoIntegrityError('malformed token')
  return bytes
}

/** Splits and decodes a token; throws CryptoIntegrityError on any structural problem. */
export const decodeToken = (token: string): FieldToken => {
  const parts = token.split('.')
  if (parts.length !== 4 || parts[0] !== TOKEN_VERSION) {
    throw new CryptoIntegrityError('malformed token')
  }
  const [iv, ciphertext, tag] = parts.slice(1).map(decodeStrict)
  if (iv?.length !== IV_BYTES || tag?.length !== TAG_BYTES || ciphertext === undefined) {
    throw new CryptoIntegrityError('malformed token')
  }
  return { iv, ciphertext, tag }
}

/** The bytes the tag covers: version byte ‖ iv ‖ ciphertext. */
export const macInput = ({ iv, ciphertext }: Pick<FieldToken, 'iv' | 'ciphertext'>): Buffer =>
  Buffer.concat([Buffer.of(VERSION_BYTE), iv, ciphertext])
