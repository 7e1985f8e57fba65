/**
 * ISO/IEC 7064 (GB/T 17710) hybrid system MOD 37,36 over 0-9A-Z. One check character catches
 * every single substitution but not every adjacent transposition: from each internal state one
 * pair of characters with neighbouring values (e.g. J and K) swaps unseen, 1 in 630 overall.
 */

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const M = 36
const INPUT_PATTERN = /^[0-9A-Z]*$/

/** P(j+1) = (S(j) ‖M × 2) mod (M+1), where S(j) = (P(j) + a(j)) mod M and ‖x‖M is x, or M for 0. */
const nextP = (p: number, value: number): number => (((p + value) % M || M) * 2) % (M + 1)

const valuesOf = (s: string): number[] => {
  if (!INPUT_PATTERN.test(s)) throw new RangeError('MOD 37,36 input must be 0-9 or A-Z')
  return [...s].map((char) => ALPHABET.indexOf(char))
}

/** The check character that, appended to `s` (uppercase 0-9A-Z), makes the string valid. */
export const mod37_36CheckCharacter = (s: string): string => {
  const p = valuesOf(s).reduce(nextP, M)
  return ALPHABET.charAt((M + 1 - p) % M)
}

/** True when `s` ends with its correct check character: the final S(n) is 1. */
export const mod37_36IsValid = (s: string): boolean => {
  if (s.length < 2 || !INPUT_PATTERN.test(s)) return false
  const values = valuesOf(s)
  const last = values.pop() ?? 0
  return (values.reduce(nextP, M) + last) % M === 1
}
