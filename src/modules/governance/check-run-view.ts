import type { FieldCipher } from '../../platform/crypto/index.js'
import type { LocalizedMessage } from '../../platform/i18n/i18n.js'
import type { OutlierExample } from './anomaly/index.js'
import type {
  CheckRunRow,
  DatasetRow,
  FailureSampleRow,
  OutlierResultRow,
  ScoreRow,
} from './governance.tables.js'

interface Summary {
  score: number | null
  rules: number
  checks: number
  failed: number
}

/** What a rule's score row keeps besides its counts. */
export interface RuleDetail {
  kind: string
  name: LocalizedMessage
  dimension: string
  element: string | null
  fields: string[]
  passed: number
  skipped: number
  reasons: Record<string, number>
  note: LocalizedMessage | null
}

/** A sample's encrypted part: the row's values of the rule's fields, and raw text if unreadable. */
export interface SampleSecret {
  values: Record<string, string | null>
  raw?: string
}

const summary = (row: ScoreRow): Summary => ({
  score: row.score,
  rules: row.rules,
  checks: row.checks,
  failed: row.failed,
})

export const errorOf = (row: { error_code: string | null; error_json: string | null }) =>
  row.error_code === null
    ? null
    : { code: row.error_code, message: JSON.parse(row.error_json ?? '{}') as LocalizedMessage }

/** A run's status, file and outcome, without its scores. */
export const toRunSummary = (row: CheckRunRow, dataset: DatasetRow) => ({
  id: row.id,
  dataset: dataset.code,
  status: row.status,
  file: { name: row.file_name, hash: row.file_hash, size: row.file_size, kind: row.file_kind },
  rows: row.rows,
  unreadableRows: row.unreadable_rows,
  score: row.score,
  standard: { code: dataset.standard, version: row.standard_version },
  error: errorOf(row),
  requestedAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
})

function sampleView(cipher: FieldCipher, row: FailureSampleRow) {
  const secret = JSON.parse(cipher.decrypt(row.values_token)) as SampleSecret
  return {
    line: row.line,
    reason: row.reason,
    message: { zh: row.message_zh, en: row.message_en },
    values: secret.values,
    ...(secret.raw === undefined ? {} : { raw: secret.raw }),
  }
}

/** A run with its scores per dimension, element and rule, and each rule's sampled failures. */
export function toRunView(
  cipher: FieldCipher,
  run: CheckRunRow,
  dataset: DatasetRow,
  scores: readonly ScoreRow[],
  samples: readonly FailureSampleRow[],
  outliers: readonly OutlierResultRow[],
) {
  const of = (scope: ScoreRow['scope']) => scores.filter((s) => s.scope === scope)
  const samplesOf = new Map<string, ReturnType<typeof sampleView>[]>()
  for (const sample of samples) {
    const list = samplesOf.get(sample.rule_id) ?? []
    list.push(sampleView(cipher, sample))
    samplesOf.set(sample.rule_id, list)
  }
  return {
    ...toRunSummary(run, dataset),
    dimensions: Object.fromEntries(of('dimension').map((s) => [s.key, summary(s)])),
    elements: Object.fromEntries(of('element').map((s) => [s.key, summary(s)])),
    rules: of('rule').map((s) => {
      const detail = JSON.parse(s.detail_json ?? '{}') as RuleDetail
      return {
        id: s.key,
        ...detail,
        score: s.score,
        checks: s.checks,
        failed: s.failed,
        samples: samplesOf.get(s.key) ?? [],
      }
    }),
    outliers: outliers.map((o) => ({
      field: o.field,
      groupBy: JSON.parse(o.group_by_json) as string[],
      values: Number(o.values_count),
      skipped: Number(o.skipped),
      groups: o.groups,
      assessedGroups: o.assessed_groups,
      outliers: Number(o.outliers),
      rate: o.rate,
      sample: JSON.parse(cipher.decrypt(o.sample_token)) as OutlierExample[],
    })),
  }
}
