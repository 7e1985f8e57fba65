// sm-crypto 0.5 ships no types (and @types/sm-crypto is not installed); this declares only the
// SM2 calls tongban makes, as the library's src/sm2/index.js defines them.
declare module 'sm-crypto' {
  interface KeyPairHex {
    /** 64 hex digits. */
    privateKey: string
    /** Uncompressed point: '04' and 128 hex digits. */
    publicKey: string
  }

  interface SignOptions {
    /** DER-encode (r, s) instead of concatenating them. */
    der?: boolean
    /** Sign SM3(Z ‖ message) per GM/T 0009, where Z binds the signer ID and the public key. */
    hash?: boolean
    /** Spares recomputing the public key from the private key when `hash` is set. */
    publicKey?: string
    /** Signer ID in Z; the library defaults to '1234567812345678'. */
    userId?: string
  }

  type VerifyOptions = Omit<SignOptions, 'publicKey'>

  interface Sm2 {
    /** Derives a key pair from `seed` (hex, radix 16) reduced into [1, n-1]. */
    generateKeyPairHex(seed: string, radix: 16): KeyPairHex
    getPublicKeyFromPrivateKey(privateKeyHex: string): string
    /** True when the hex point is on the curve and not the point at infinity. */
    verifyPublicKey(publicKeyHex: string): boolean
    /** The message string is signed as UTF-8; returns lowercase hex. */
    doSignature(message: string, privateKeyHex: string, options?: SignOptions): string
    doVerifySignature(
      message: string,
      signatureHex: string,
      publicKeyHex: string,
      options?: VerifyOptions,
    ): boolean
  }

  const smCrypto: { sm2: Sm2 }
  export = smCrypto
}
