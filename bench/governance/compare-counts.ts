import type { CheckResult } from './peak-memory.js'

/**
 * What the SQL does not replicate, rule by rule: printed when the counts differ. Where the
 * generated rows never reach the difference the counts agree, but the rule is not identical.
 */
const SQL_LIMITS: Readonly<Record<string, string>> = {
  'id_number.valid':
    'SQL upper-cases but does not NFKC-fold full-width digits (validateIdNumber does)',
  id_birth_date_match:
    'SQL skips full-width ID numbers (not NFKC-folded) that ours folds and compares, and compares birth dates in years 0000–0099 that ours cannot parse and skips',
  id_sex_match:
    'SQL skips full-width ID numbers (not NFKC-folded), which ours folds, parses and compares',
  'birth_date.valid': 'SQL casts years 0000–0099 to dates; JavaScript Date.UTC maps them to 19xx',
  'phone.valid':
    'validatePhone is replicated by regexes: RE2 \\s is ASCII-only and full-width input is not NFKC-folded',
  address_division_match:
    'SQL matches the TypeScript division names (divisionNames) but does not NFKC-fold the address',
  'id_number.unique':
    'ours keeps 100,000 keys exactly and then 64-bit hashes (a collision would hide a duplicate)',
}

/** Rules ours reports that the peer leaves out, and why. */
const NOT_COMPARED: Readonly<Record<string, string>> = {
  'row.readable':
    'unreadable rows: DuckDB read_csv stops at a malformed row (or drops it with ignore_errors) instead of counting it',
}

export interface Agreement {
  compared: number
  agreeing: number
  differing: string[]
}

const pad = (text: string, width: number): string => text.padEnd(width)
const padNumber = (n: number | undefined, width: number): string =>
  (n === undefined ? '—' : n.toLocaleString('en-US')).padStart(width)

/** Compares per-rule failed counts, prints the table through `log` and says why any differs. */
export function compareCounts(
  ours: CheckResult,
  peer: CheckResult,
  log: (line: string) => void,
): Agreement {
  const ids = Object.keys(ours.failed)
  const width = Math.max(...ids.map((id) => id.length))
  log(`per-rule failed counts (${ours.rows.toLocaleString('en-US')} rows):`)
  log(`  ${pad('rule', width)} ${'tongban'.padStart(9)} ${'duckdb'.padStart(9)}`)
  const agreement: Agreement = { compared: 0, agreeing: 0, differing: [] }
  for (const id of ids) {
    const a = ours.failed[id]
    const b = peer.failed[id]
    let verdict: string
    if (b === undefined) verdict = `not compared: ${NOT_COMPARED[id] ?? 'no SQL for this rule'}`
    else {
      agreement.compared++
      if (a === b) {
        agreement.agreeing++
        verdict = 'agree'
      } else {
        agreement.differing.push(id)
        verdict = `DIFFER: ${SQL_LIMITS[id] ?? 'not explained'}`
      }
    }
    log(`  ${pad(id, width)} ${padNumber(a, 9)} ${padNumber(b, 9)}  ${verdict}`)
  }
  if (ours.rows !== peer.rows) log(`rows differ: tongban ${ours.rows}, duckdb ${peer.rows}`)
  log(`${agreement.agreeing} of ${agreement.compared} compared rules agree`)
  return agreement
}
