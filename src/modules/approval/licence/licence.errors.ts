/** Stable codes for programming and configuration errors; user input gets reason codes instead. */
export type LicenceErrorCode =
  | 'LICENCE_IDENTIFIER_PART_INVALID'
  | 'LICENCE_IDENTIFIER_INVALID'
  | 'LICENCE_METADATA_NOT_CANONICAL'
  | 'LICENCE_SIGNING_KEY_INVALID'
  | 'LICENCE_INSTANT_INVALID'

/** Thrown for inputs a caller should never pass (they come from code, keys or the database). */
export class LicenceError extends Error {
  override readonly name = 'LicenceError'

  constructor(
    readonly code: LicenceErrorCode,
    detail: string,
  ) {
    super(`${code}: ${detail}`)
  }
}
