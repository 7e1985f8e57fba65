/** Outcome of a standards validator: normalised, parsed facts or a stable reason code. */
export type Validation<T, R extends string> = { ok: true; value: T } | { ok: false; reason: R }

/** A user-facing message, Chinese first. */
export interface LocalisedMessage {
  zh: string
  en: string
}

export const valid = <T>(value: T): { ok: true; value: T } => ({ ok: true, value })

export const invalid = <R extends string>(reason: R): { ok: false; reason: R } => ({
  ok: false,
  reason,
})

// NFKC leaves ASCII as it is: skipping it there saves most of a validator's time.
const NOT_ASCII = /[^\x00-\x7f]/

/**
 * Folds full-width digits/letters/punctuation (common with Chinese IMEs) to ASCII and trims
 * surrounding whitespace, so '１１０１０１…ｘ' is treated like '110101…x'.
 */
export const normaliseInput = (input: string): string =>
  (NOT_ASCII.test(input) ? input.normalize('NFKC') : input).trim()
