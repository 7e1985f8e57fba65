import type { App } from '../../src/app.js'
import { generateChinesePersons } from '../../src/modules/governance/dedup/planted-duplicates-fixtures.js'
import { generatePopulationRows, toCsvLine } from '../../src/modules/governance/quality/index.js'
import { POPULATION_STANDARD } from '../../src/modules/governance/standards/index.js'
import { bearer, signInStaff } from '../support/demo.js'

export const OFFICER = 'data_bureau.ye' // 叶青: data officer of the data bureau
export const CLERK = 'market.li' // 李明: a market clerk without governance roles

export const GOVERNANCE_TABLES = [
  'governance_datasets',
  'governance_check_runs',
  'governance_scores',
  'governance_failure_samples',
  'governance_dedup_runs',
  'governance_dedup_pairs',
  'governance_clusters',
  'governance_review_decisions',
  'governance_alerts',
  'governance_outlier_results',
  'platform_audit_records',
  'platform_jobs',
]

export const api = (path: string) => `/api/v1/governance${path}`

export interface PopulationFile {
  /** Rows generated (and written), with a planted error in some. */
  count: number
  seed: number
  errorRate: number
  /** Columns written empty in every row (an upstream export that lost them). */
  blank?: readonly string[]
  /** Extra raw lines appended after the generated rows. */
  extra?: readonly string[]
}

/** A generated 人口 CSV with planted errors (quality/population-generator). */
export function populationCsv(file: PopulationFile): string {
  const keys = POPULATION_STANDARD.elements.map((e) => e.key)
  const blank = new Set(file.blank ?? [])
  const lines = [toCsvLine(keys)]
  for (const { row } of generatePopulationRows(file)) {
    lines.push(toCsvLine(keys.map((key) => (blank.has(key) ? null : (row[key] ?? null)))))
  }
  lines.push(...(file.extra ?? []))
  return `${lines.join('\n')}\n`
}

export async function officerToken(app: App): Promise<string> {
  return signInStaff(app, OFFICER)
}

export async function registerDataset(
  app: App,
  token: string,
  body: Record<string, unknown> = {},
): Promise<{ statusCode: number; body: string }> {
  return app.http.inject({
    method: 'POST',
    url: api('/datasets'),
    headers: bearer(token),
    payload: {
      code: 'population.household',
      name: '户籍人口基础信息',
      standard: 'population',
      departmentCode: 'data_bureau',
      sourceSystem: '公安人口库',
      ...body,
    },
  })
}

export async function upload(
  app: App,
  token: string,
  code: string,
  content: string | Buffer,
  options: { fileName?: string; contentType?: string; headers?: Record<string, string> } = {},
) {
  return app.http.inject({
    method: 'POST',
    url: api(`/datasets/${code}/check-runs`),
    headers: {
      ...bearer(token),
      'content-type': options.contentType ?? 'text/csv',
      ...(options.fileName ? { 'x-file-name': encodeURIComponent(options.fileName) } : {}),
      ...options.headers,
    },
    payload: content,
  })
}

export async function getJson<T>(app: App, token: string, path: string): Promise<T> {
  const res = await app.http.inject({ url: api(path), headers: bearer(token) })
  if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`)
  return res.json<T>()
}

/**
 * Generated persons (10 % planted duplicates with typical entry differences) as a 人口 CSV of the
 * columns dedup compares; `order` reverses the rows, so every record moves to another line.
 */
export function personsCsv(count: number, seed: number, order: 'as-is' | 'reversed' = 'as-is') {
  const { records, entityOf } = generateChinesePersons(count, { seed })
  const fields = ['name', 'birthDate', 'idNumber', 'phone', 'address'] as const
  const rows = records.map((r) => toCsvLine(fields.map((f) => r.fields[f] ?? null)))
  if (order === 'reversed') rows.reverse()
  const header = toCsvLine(['name', 'birth_date', 'id_number', 'phone', 'household_address'])
  return { csv: `${[header, ...rows].join('\n')}\n`, records, entityOf }
}
