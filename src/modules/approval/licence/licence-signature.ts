import { randomBytes } from 'node:crypto'
import smCrypto from 'sm-crypto'
import { LicenceError } from './licence.errors.js'
import { canonicalForm } from './licence-metadata.js'
import type { LicenceMetadata } from './licence-metadata.js'

const { sm2 } = smCrypto

/** The GM/T 0009 default signer ID, which CA and USB-key tooling assume when none is agreed. */
export const LICENCE_SIGNER_ID = '1234567812345678'

export interface SigningKey {
  /** 64 lowercase hex digits; keep secret. */
  privateKeyHex: string
  /** Uncompressed point, '04' and 128 lowercase hex digits. */
  publicKeyHex: string
}

const CURVE_ORDER = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n
const PRIVATE_KEY = /^[0-9a-f]{64}$/
const PUBLIC_KEY = /^04[0-9a-f]{128}$/
// DER SEQUENCE of two INTEGERs below the 256-bit order: at most 72 bytes.
const SIGNATURE = /^30(?:[0-9a-f]{2}){5,71}$/
const OPTIONS = { hash: true, der: true, userId: LICENCE_SIGNER_ID } as const

/** SM2 needs d in [1, n-2]: the signature divides by 1 + d. */
const privateKeyOf = (hex: string): string | undefined => {
  const key = hex.toLowerCase()
  if (!PRIVATE_KEY.test(key)) return undefined
  const d = BigInt(`0x${key}`)
  return d >= 1n && d <= CURVE_ORDER - 2n ? key : undefined
}

const publicKeyOf = (hex: string): string | undefined => {
  const key = hex.toLowerCase()
  return PUBLIC_KEY.test(key) && sm2.verifyPublicKey(key) ? key : undefined
}

/**
 * A fresh key pair. The private key comes from node:crypto rather than sm-crypto's own
 * generator (RC4 seeded once per process); 320 random bits keep the reduction mod n unbiased.
 */
export const generateSigningKey = (): SigningKey => {
  const { privateKey, publicKey } = sm2.generateKeyPairHex(randomBytes(40).toString('hex'), 16)
  return { privateKeyHex: privateKey, publicKeyHex: publicKey }
}

/** True when the public key is the one the private key derives (check once when loading keys). */
export const isSigningKeyPair = (privateKeyHex: string, publicKeyHex: string): boolean => {
  const privateKey = privateKeyOf(privateKeyHex)
  const publicKey = publicKeyOf(publicKeyHex)
  return (
    privateKey !== undefined &&
    publicKey !== undefined &&
    sm2.getPublicKeyFromPrivateKey(privateKey) === publicKey
  )
}

/**
 * SM2 signature (SM3 with signer ID per GM/T 0009, DER, lowercase hex) over canonicalForm.
 * The public key must belong to the private key (see isSigningKeyPair): it is not re-derived.
 */
export const signLicence = (
  metadata: LicenceMetadata,
  privateKeyHex: string,
  publicKeyHex: string,
): string => {
  const privateKey = privateKeyOf(privateKeyHex)
  const publicKey = publicKeyOf(publicKeyHex)
  if (privateKey === undefined || publicKey === undefined) {
    throw new LicenceError('LICENCE_SIGNING_KEY_INVALID', 'not an SM2 key in hex')
  }
  return sm2.doSignature(canonicalForm(metadata), privateKey, { ...OPTIONS, publicKey })
}

/** SM2 (SM3 with signer ID, DER) check of a UTF-8 message; false, never a throw, on bad input. */
export const verifySm2 = (message: string, signature: string, publicKeyHex: string): boolean => {
  try {
    if (typeof signature !== 'string' || !SIGNATURE.test(signature)) return false
    const publicKey = publicKeyOf(publicKeyHex)
    return publicKey !== undefined && sm2.doVerifySignature(message, signature, publicKey, OPTIONS)
  } catch {
    return false
  }
}

/** True only for a signLicence signature of exactly this metadata; false, never a throw, else. */
export const verifyLicenceSignature = (
  metadata: LicenceMetadata,
  signature: string,
  publicKeyHex: string,
): boolean => {
  try {
    return verifySm2(canonicalForm(metadata), signature, publicKeyHex)
  } catch {
    return false
  }
}
