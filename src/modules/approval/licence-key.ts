import smCrypto from 'sm-crypto'

/**
 * The installation's licence-signing key, derived from seed material (HKDF-SM3 of the platform
 * secret): every instance of one installation signs with the same key and none stores it.
 * Rotating the secret rotates the key; each licence keeps the public key it was signed with.
 */
export function signingKeyFromSeed(seed: Uint8Array): {
  privateKeyHex: string
  publicKeyHex: string
} {
  if (seed.length < 40) throw new RangeError('licence key seed: at least 40 bytes')
  const { privateKey, publicKey } = smCrypto.sm2.generateKeyPairHex(
    Buffer.from(seed).toString('hex'),
    16,
  )
  return { privateKeyHex: privateKey, publicKeyHex: publicKey }
}
