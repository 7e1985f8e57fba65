/** Data files for the `tongban data` tests, generated into a temp dir (never committed). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { generateChinesePersons } from '../../src/modules/governance/dedup/planted-duplicates-fixtures.js'
import { generatePopulationRows, toCsvLine } from '../../src/modules/governance/quality/index.js'
import type { PlantedErrorKind } from '../../src/modules/governance/quality/index.js'
import { POPULATION_STANDARD } from '../../src/modules/governance/standards/index.js'

export function tempDir(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return {
    path: (name: string): string => join(dir, name),
    remove: (): void => rmSync(dir, { recursive: true, force: true }),
  }
}

/** The rule each planted error fails (planted-recall.test.ts checks it fails no other). */
export const RULE_OF: Record<PlantedErrorKind, string> = {
  bad_id_check_digit: 'id_number.valid',
  birth_date_mismatch: 'id_birth_date_match',
  sex_mismatch: 'id_sex_match',
  unknown_ethnicity: 'ethnicity.valid',
  missing_name: 'name.required',
  invalid_phone: 'phone.valid',
  address_not_in_division: 'address_division_match',
  duplicate_id: 'id_number.unique',
}

/**
 * Generated 人口 rows as CSV with one planted error in 10 % of rows. `chineseHeader` names the
 * columns by the elements' Chinese names; the text is encoded as given. Returns the planted
 * count per rule.
 */
export function writePopulationCsv(
  path: string,
  options: { count: number; seed: number; encoding: 'utf8' | 'gbk'; chineseHeader: boolean },
): Map<string, number> {
  const elements = POPULATION_STANDARD.elements
  const header = elements.map((e) => (options.chineseHeader ? e.name.zh : e.key))
  const lines = [toCsvLine(header)]
  const planted = new Map<string, number>()
  const rows = generatePopulationRows({ count: options.count, seed: options.seed, errorRate: 0.1 })
  for (const { row, planted: errors } of rows) {
    lines.push(toCsvLine(elements.map((e) => row[e.key] ?? null)))
    for (const { kind } of errors) planted.set(RULE_OF[kind], (planted.get(RULE_OF[kind]) ?? 0) + 1)
  }
  writeFileSync(path, iconv.encode(`${lines.join('\r\n')}\r\n`, options.encoding))
  return planted
}

/**
 * Generated persons with 10 % planted duplicates as CSV with Chinese headers, and an `entity`
 * column naming the person each row stands for.
 */
export function writePersonsCsv(path: string, count: number, seed: number): void {
  const { records, entityOf } = generateChinesePersons(count, { seed })
  const fields = ['name', 'birthDate', 'idNumber', 'phone', 'address']
  const lines = [toCsvLine(['姓名', '出生日期', '公民身份号码', '联系电话', '地址', 'entity'])]
  for (const record of records) {
    const values = fields.map((f) => record.fields[f] ?? null)
    lines.push(toCsvLine([...values, entityOf.get(record.id) ?? record.id]))
  }
  writeFileSync(path, `${lines.join('\n')}\n`)
}
