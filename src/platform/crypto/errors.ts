/**
 * Thrown when a field-encryption token is malformed or fails authentication. The message is
 * deliberately generic so it can be logged without revealing which check failed.
 */
export class CryptoIntegrityError extends Error {
  override readonly name = 'CryptoIntegrityError'

  constructor(message = 'encrypted value failed integrity check') {
    super(message)
  }
}
