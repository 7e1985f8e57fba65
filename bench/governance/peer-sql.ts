/**
 * The peer's checks: the population standard's rules (standardRules) written as one DuckDB
 * query over the CSV, with the code sets, the known division codes and the names an address
 * may mention all taken from the TypeScript side.
 */
import { writeFile } from 'node:fs/promises'
import { findCodeSet } from '../../src/modules/governance/code-mapping/index.js'
import { standardRules } from '../../src/modules/governance/quality/index.js'
import type { QualityRuleSpec } from '../../src/modules/governance/quality/index.js'
import {
  DIVISION_CODE_SET,
  divisionNames,
  findElement,
  POPULATION_STANDARD,
} from '../../src/modules/governance/standards/index.js'
import type { DataElement } from '../../src/modules/governance/standards/index.js'
import { findDivision } from '../../src/platform/standards/index.js'
import { ID_SQL, PHONE_MACROS, formatFails } from './peer-formats.js'

const STANDARD = POPULATION_STANDARD
const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`
const ident = (text: string): string => `"${text.replaceAll('"', '""')}"`

/** Every GB/T 2260 code findDivision knows (all levels), with the names checkAddressInDivision accepts. */
export async function writeDivisionNames(path: string): Promise<number> {
  let csv = 'code,name\n'
  let codes = 0
  for (let n = 100_000; n < 1_000_000; n++) {
    const code = String(n)
    if (findDivision(code) === undefined) continue
    codes++
    for (const name of divisionNames(code)) csv += `${code},${name}\n`
  }
  await writeFile(path, csv)
  return codes
}

function element(key: string): DataElement {
  const found = findElement(STANDARD, key)
  if (found === undefined) throw new Error(`no element ${key}`)
  return found
}

/** A condition true when a present value fails the element's validity checks. */
function validFails(el: DataElement, today: string): string {
  const k = ident(el.key)
  const parts: string[] = []
  if (el.maxLength !== undefined) parts.push(`length(${k}) > ${el.maxLength}`)
  if (el.format !== undefined) parts.push(formatFails(el.format, k, today))
  if (el.codeSet === DIVISION_CODE_SET) parts.push(`${ident(`${el.key}__names`)} IS NULL`)
  else if (el.codeSet !== undefined) {
    const set = findCodeSet(el.codeSet)
    if (set === undefined) throw new Error(`unknown code set ${el.codeSet}`)
    parts.push(`${k} NOT IN (${set.entries.map((e) => quote(e.code)).join(', ')})`)
  }
  if (parts.length === 0) throw new Error(`no validity SQL for ${el.key}`)
  return `${k} IS NOT NULL AND coalesce(${parts.join(' OR ')}, true)`
}

function crossFails(spec: Extract<QualityRuleSpec, { kind: 'cross_check' }>): string {
  const [a, b] = spec.fields.map(ident) as [string, string]
  switch (spec.check) {
    case 'id_birth_date_match':
      return `id_ok AND birth_parsed IS NOT NULL AND birth_parsed <> id_birth`
    case 'id_sex_match':
      return `id_ok AND ${b} IN ('1', '2') AND ((ascii(substr(id, 17, 1)) - 48) % 2 = 1) <> (${b} = '1')`
    case 'address_division_match':
      return (
        `${a} IS NOT NULL AND ${ident(`${spec.fields[1]}__names`)} IS NOT NULL AND ` +
        `NOT list_bool_or(list_transform(${ident(`${spec.fields[1]}__names`)}, lambda n: contains(${a}, n)))`
      )
  }
}

/** SQL computing the failed count of one rule; undefined for a rule the peer leaves out. */
function ruleSql(spec: QualityRuleSpec, today: string): string | undefined {
  switch (spec.kind) {
    case 'required':
      return `count_if(${ident(spec.element)} IS NULL)`
    case 'valid':
      return `count_if(${validFails(element(spec.element), today)})`
    case 'cross_check':
      return `count_if(${crossFails(spec)})`
    case 'unique': {
      const key = spec.fields.map((f) => `upper(${ident(f)})`).join(` || chr(31) || `)
      return `count(${key}) - count(DISTINCT ${key})`
    }
    case 'feel':
    case 'timely':
    case 'reference':
      return undefined
  }
}

export interface PeerSql {
  /** Tables and macros the query needs (timed with it). */
  setup: string[]
  query: string
  /** Rule ids the query returns, one column each. */
  rules: string[]
}

/** The peer's statements over `csv`, dates compared with `today` (YYYY-MM-DD, China time). */
export function buildPeerSql(csv: string, divisionsCsv: string, today: string): PeerSql {
  const rules = standardRules(STANDARD).flatMap((spec) => {
    const sql = ruleSql(spec, today)
    return sql === undefined ? [] : [{ id: spec.id, sql }]
  })
  const divisionKeys = STANDARD.elements.filter((e) => e.codeSet === DIVISION_CODE_SET)
  const columns = STANDARD.elements
    .map((e) => `nullif(trim(${ident(e.key)}), '') AS ${ident(e.key)}`)
    .join(',\n    ')
  const joins = divisionKeys
    .map((e, i) => `LEFT JOIN divisions d${i} ON d${i}.code = src.${ident(e.key)}`)
    .join('\n  ')
  const known = divisionKeys.map((e, i) => `, d${i}.names AS ${ident(`${e.key}__names`)}`).join('')
  const query = `WITH src AS (
  SELECT
    ${columns}
  FROM read_csv(${quote(csv)}, header = true, all_varchar = true)
), joined AS (
  SELECT src.*${known}, upper(src.id_number) AS id, idp.code IS NOT NULL AS id_division_known
  FROM src
  ${joins}
  LEFT JOIN divisions idp ON idp.code = substr(upper(src.id_number), 1, 6)
), parsed AS (
  SELECT *, ${ID_SQL.birth} AS id_birth, ${ID_SQL.birthDate} AS birth_parsed FROM joined
), checked AS (
  SELECT *, coalesce(${ID_SQL.ok(today)}, false) AS id_ok FROM parsed
)
SELECT count(*) AS ${ident('rows')},
  ${rules.map((r) => `${r.sql} AS ${ident(r.id)}`).join(',\n  ')}
FROM checked`
  const setup = [
    `CREATE TABLE divisions AS SELECT code, list(name) AS names FROM read_csv(${quote(divisionsCsv)}, header = true, all_varchar = true) GROUP BY code`,
    ...PHONE_MACROS,
  ]
  return { setup, query, rules: rules.map((r) => r.id) }
}
