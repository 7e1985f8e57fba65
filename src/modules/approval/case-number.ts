/**
 * Case numbers in the national style (办件编号): region code (GB/T 2260, 6 digits), the
 * submission date in Asia/Shanghai (8 digits), a serial (8 digits) that never repeats, and a
 * check digit (ISO 7064 MOD 11,10) that catches a mistyped digit when a citizen reads it out.
 * A bundle's cases add the member's position: `…-01`, `…-02`.
 */
export function applicationNumber(
  regionCode: string,
  shanghaiDate: string,
  serial: number,
): string {
  const body = `${regionCode}${shanghaiDate.replaceAll('-', '')}${String(serial % 1e8).padStart(8, '0')}`
  return `${body}${mod11_10(body)}`
}

export function caseNumber(application: string, position: number): string {
  return `${application}-${String(position).padStart(2, '0')}`
}

/** ISO 7064 MOD 11,10 check digit over decimal digits. */
export function mod11_10(digits: string): number {
  let p = 10
  for (const ch of digits) {
    const s = ((p + Number(ch)) % 10 || 10) * 2
    p = s % 11
  }
  return (11 - p) % 10
}

/** True when the number's check digit holds (for look-ups typed by people). */
export function isValidApplicationNumber(value: string): boolean {
  if (!/^\d{23}$/.test(value)) return false
  return mod11_10(value.slice(0, 22)) === Number(value.slice(22))
}
