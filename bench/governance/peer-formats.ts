/** SQL for the element formats the population standard uses: GB 11643 ID numbers, dates, phones. */
import { computeIdCheckChar } from '../../src/platform/standards/index.js'
import type { ElementFormat } from '../../src/modules/governance/standards/index.js'

/** ISO 7064 MOD 11-2 weights and the check characters of sums 0–10 (GB 11643). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const ID_CHECK_CHARS = '10X98765432'

// The SQL must compute what computeIdCheckChar computes: check the weights against it once.
ID_WEIGHTS.forEach((weight, i) => {
  const unit = '0'.repeat(i) + '1' + '0'.repeat(16 - i)
  if (computeIdCheckChar(unit) !== ID_CHECK_CHARS.charAt(weight % 11)) {
    throw new Error(`ID weight ${i} disagrees with computeIdCheckChar`)
  }
})

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`

const digit = (column: string, position: number): string =>
  `(ascii(substr(${column}, ${position}, 1)) - 48)`

/** YYYY-MM-DD or YYYYMMDD naming a real date → DATE; NULL otherwise (normaliseDate). */
export function parseDateSql(column: string): string {
  const compact = `substr(${column}, 1, 4) || '-' || substr(${column}, 5, 2) || '-' || substr(${column}, 7, 2)`
  return (
    `CASE WHEN regexp_full_match(${column}, '[0-9]{4}-?[0-9]{2}-?[0-9]{2}') AND length(${column}) IN (8, 10) ` +
    `THEN TRY_CAST(CASE WHEN length(${column}) = 10 THEN ${column} ELSE ${compact} END AS DATE) END`
  )
}

/** Over the column `id` (the upper-cased ID number) and `id_division_known` from the join. */
export const ID_SQL = {
  birth: `TRY_CAST(substr(id, 7, 4) || '-' || substr(id, 11, 2) || '-' || substr(id, 13, 2) AS DATE)`,
  birthDate: parseDateSql('birth_date'),
  /** validateIdNumber: 18 characters, 17 digits + digit or X, check char, birth date, division. */
  ok(today: string): string {
    const sum = ID_WEIGHTS.map((weight, i) => `${weight} * ${digit('id', i + 1)}`).join(' + ')
    return [
      `length(id) = 18`,
      `regexp_full_match(id, '[0-9]{17}[0-9X]')`,
      `substr(${quote(ID_CHECK_CHARS)}, ((${sum}) % 11) + 1, 1) = substr(id, 18, 1)`,
      `id_birth BETWEEN DATE '1900-01-01' AND DATE ${quote(today)}`,
      `id_division_known`,
    ].join(' AND ')
  },
}

const SEPARATORS = `'[\\s\\-.()]'`
/** validateMobile on the value without separators: +86/0086/86, then 1[3-9] and 9 digits. */
export const MOBILE_RE = '(?:\\+86|0086)?1[3-9][0-9]{9}|861[3-9][0-9]{9}'
const LANDLINE_MAIN_RE = '0(?:10|2[0-9]|[3-9][0-9]{2})[2-9][0-9]{6,7}'
const EXTENSION_RE = '^(.*?)\\s*(?:转|分机|ext\\.?|x|#|,)\\s*([0-9]{1,6})$'
const HYPHEN_EXTENSION_RE = '^(.*)-([0-9]{1,6})$'

/** validateLandline (an area code and 7–8 digits, after an extension marker or final -NNN is cut) and validateMobile. */
export const PHONE_MACROS = [
  `CREATE MACRO landline_main_ok(x) AS regexp_full_match(regexp_replace(regexp_replace(x, ${SEPARATORS}, '', 'g'), '^(?:\\+86|0086)0?', '0'), ${quote(LANDLINE_MAIN_RE)})`,
  `CREATE MACRO landline_ok(x) AS CASE
    WHEN regexp_matches(x, ${quote(EXTENSION_RE)}, 'i')
      THEN landline_main_ok(regexp_extract(x, ${quote(EXTENSION_RE)}, 1, 'i'))
    ELSE landline_main_ok(x) OR (regexp_matches(x, ${quote(HYPHEN_EXTENSION_RE)})
      AND landline_main_ok(regexp_extract(x, ${quote(HYPHEN_EXTENSION_RE)}, 1)))
  END`,
  `CREATE MACRO mobile_ok(x) AS regexp_full_match(regexp_replace(x, ${SEPARATORS}, '', 'g'), ${quote(MOBILE_RE)})`,
]

/** A condition true when a present value of `column` fails the format. */
export function formatFails(format: ElementFormat, column: string, today: string): string {
  switch (format) {
    case 'gb11643':
      return `NOT id_ok`
    case 'date':
      return `coalesce(${parseDateSql(column)} > DATE ${quote(today)}, true)`
    case 'phone':
      return `NOT (mobile_ok(${column}) OR landline_ok(${column}))`
    case 'mobile':
      return `NOT mobile_ok(${column})`
    case 'landline':
      return `NOT landline_ok(${column})`
    case 'gb32100':
    case 'uscc':
    case 'amount':
    case 'division':
    case 'gb4754':
      throw new Error(
        `the peer has no SQL for format ${format}: the population standard does not use it`,
      )
  }
}
