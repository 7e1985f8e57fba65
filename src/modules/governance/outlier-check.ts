import { createOutlierTally } from './anomaly/index.js'
import type { FieldOutliers } from './anomaly/index.js'
import type { FieldCipher } from '../../platform/crypto/index.js'
import type { DatasetRow, OutlierResultTable } from './governance.tables.js'
import { readRows } from './input/index.js'
import type { FileInput } from './input/index.js'
import { findStandard } from './standards/index.js'

/** What a dataset judges for outliers: numeric columns, and the columns that group the rows. */
export interface OutlierConfig {
  fields: string[]
  groupBy: string[]
}

const NUMERIC = new Set(['integer', 'decimal'])

/**
 * The dataset's own outlier settings, else its standard's numeric elements grouped by the
 * standard's outlier groups; element keys become the columns the dataset's files use. Null when
 * there is nothing to judge (the population standard names no number).
 */
export function outlierConfigOf(dataset: DatasetRow): OutlierConfig | null {
  const standard = findStandard(dataset.standard)
  const columns = JSON.parse(dataset.columns_json) as Record<string, string>
  const own =
    dataset.outliers_json === null ? null : (JSON.parse(dataset.outliers_json) as OutlierConfig)
  const column = (key: string) => columns[key] ?? key
  const fields =
    own?.fields ?? standard.elements.filter((e) => NUMERIC.has(e.type)).map((e) => e.key)
  if (fields.length === 0) return null
  const groupBy = own?.groupBy ?? [...(standard.outlierGroups ?? [])]
  return { fields: fields.map(column), groupBy: groupBy.map(column) }
}

/** Reads the file once more, numbers of the configured columns only, and judges them per group. */
export async function measureOutliers(path: FileInput, config: OutlierConfig) {
  const tally = createOutlierTally(config)
  for await (const event of readRows(path)) {
    if (event.kind === 'row') tally.add(event.line, event.record)
  }
  return tally.finish()
}

/** A run's outlier rows: counts in the clear, the examples (values of persons) encrypted. */
export const outlierRows = (
  cipher: FieldCipher,
  runId: string,
  datasetId: string,
  measuredAt: string,
  results: readonly FieldOutliers[],
): OutlierResultTable[] =>
  results.map((r) => ({
    run_id: runId,
    dataset_id: datasetId,
    field: r.field,
    group_by_json: JSON.stringify(r.groupBy),
    values_count: r.values,
    skipped: r.skipped,
    groups: r.groups,
    assessed_groups: r.assessedGroups,
    outliers: r.outliers,
    rate: r.rate,
    sample_token: cipher.encrypt(JSON.stringify(r.sample)),
    measured_at: measuredAt,
  }))
