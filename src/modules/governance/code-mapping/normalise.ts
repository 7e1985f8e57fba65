/**
 * The form local values are compared in: full-width folded to ASCII (NFKC), spaces trimmed
 * and collapsed, Latin letters lower-cased. '  ＭＡＬＥ ' and 'male' are the same value.
 */
export function normaliseLocalValue(value: string): string {
  return value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
}
