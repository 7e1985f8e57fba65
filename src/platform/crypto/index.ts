/** National cryptography (GM/T) on node:crypto's OpenSSL SM3/SM4. */

// sm3Hex(data) → SM3 digest hex; hmacSm3(key, data) → 32-byte Buffer; hmacSm3Hex → hex.
export { hmacSm3, hmacSm3Hex, sm3Hex } from './sm3.js'
export type { BinaryLike } from './sm3.js'

// createFieldCipher(keys) → { encrypt, decrypt, blindIndex } (SM4-CTR + HMAC-SM3 tokens).
export { createFieldCipher } from './sm4.js'
export type { FieldCipher } from './sm4.js'

// deriveFieldKeys(masterSecret ≥ 32 bytes) → { encKey, macKey, indexKey } via HKDF-SM3.
export { deriveFieldKeys } from './key-derivation.js'
// hkdfSm3(ikm, salt, info, length) → RFC 5869 HKDF over HMAC-SM3.
export { hkdfSm3 } from './key-derivation.js'
export type { FieldKeys } from './key-derivation.js'

// Thrown by decrypt for malformed or tampered tokens.
export { CryptoIntegrityError } from './errors.js'
