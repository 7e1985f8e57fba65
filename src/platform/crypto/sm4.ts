import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto'
import { CryptoIntegrityError } from './errors.js'
import { decodeToken, encodeToken, IV_BYTES, macInput, TAG_BYTES } from './field-token.js'
import type { FieldToken } from './field-token.js'
import { indexKeyFromMacKey } from './key-derivation.js'
import type { FieldKeys } from './key-derivation.js'
import { hmacSm3, hmacSm3Hex } from './sm3.js'

/**
 * Authenticated encryption of personal-data fields with GB/T 32907 SM4. Node has no SM4-GCM,
 * so this is encrypt-then-MAC: SM4-CTR under a random 16-byte IV, then HMAC-SM3 under a
 * separate key over version byte ‖ iv ‖ ciphertext. Tokens are not bound to a record or column;
 * callers must not rely on them to detect ciphertexts swapped between rows.
 */

export interface FieldCipher {
  /** Encrypts UTF-8 text into a v1.<iv>.<ct>.<tag> token (fresh IV each call). */
  encrypt(plain: string): string
  /** Verifies and decrypts a token; throws CryptoIntegrityError if malformed or tampered. */
  decrypt(token: string): string
  /**
   * Deterministic HMAC-SM3 (hex) of the NFKC-normalised, trimmed value, for equality lookup of
   * encrypted values. Pass validator-normalised input (e.g. an uppercase ID number).
   */
  blindIndex(value: string): string
}

const SM4_KEY_BYTES = 16
const MAC_KEY_BYTES = 32

const requireLength = (name: string, key: Uint8Array | undefined, bytes: number): void => {
  if (key !== undefined && key.byteLength !== bytes) {
    throw new RangeError(`${name} must be ${bytes} bytes`)
  }
}

const sm4Ctr = (key: Uint8Array, iv: Uint8Array, input: Uint8Array, encrypt: boolean): Buffer => {
  const cipher = encrypt ? createCipheriv('sm4-ctr', key, iv) : createDecipheriv('sm4-ctr', key, iv)
  return Buffer.concat([cipher.update(input), cipher.final()])
}

const tagMatches = (expected: Buffer, actual: Buffer): boolean =>
  expected.length === TAG_BYTES && actual.length === TAG_BYTES && timingSafeEqual(expected, actual)

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Builds a field cipher; keys usually come from deriveFieldKeys(masterSecret). */
export const createFieldCipher = (keys: FieldKeys): FieldCipher => {
  requireLength('encKey', keys.encKey, SM4_KEY_BYTES)
  requireLength('macKey', keys.macKey, MAC_KEY_BYTES)
  requireLength('indexKey', keys.indexKey, MAC_KEY_BYTES)
  const encKey = Buffer.from(keys.encKey)
  const macKey = Buffer.from(keys.macKey)
  const indexKey = Buffer.from(keys.indexKey ?? indexKeyFromMacKey(keys.macKey))
  const tagFor = (token: Pick<FieldToken, 'iv' | 'ciphertext'>) => hmacSm3(macKey, macInput(token))

  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES)
      const ciphertext = sm4Ctr(encKey, iv, Buffer.from(plain, 'utf8'), true)
      return encodeToken({ iv, ciphertext, tag: tagFor({ iv, ciphertext }) })
    },
    decrypt(token) {
      const parsed = decodeToken(token)
      if (!tagMatches(tagFor(parsed), parsed.tag)) throw new CryptoIntegrityError()
      return utf8.decode(sm4Ctr(encKey, parsed.iv, parsed.ciphertext, false))
    },
    blindIndex(value) {
      return hmacSm3Hex(indexKey, value.normalize('NFKC').trim())
    },
  }
}
