/** One CSV record (RFC 4180): fields with a comma, quote or line break are quoted; null is empty. */
export function toCsvLine(fields: readonly (string | null)[]): string {
  return fields
    .map((field) => {
      if (field === null) return ''
      return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field
    })
    .join(',')
}
