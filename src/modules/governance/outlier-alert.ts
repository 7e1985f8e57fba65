import type { Transaction } from 'kysely'
import type { Actor } from '../../platform/auth/principal.js'
import { checkOutlierRise } from './anomaly/index.js'
import type { FieldOutliers, OutlierRise } from './anomaly/index.js'
import type { GovernanceDeps } from './governance.deps.js'
import type { DatasetRow, GovernanceTables } from './governance.tables.js'
import { raiseAlert } from './raise-alert.js'
import { outlierStore } from './outlier.store.js'

type Trx = Transaction<GovernanceTables>

/** Earlier runs a field's outlier rate is compared with. */
const BASELINE_RUNS = 14

interface Rise extends OutlierRise {
  field: string
  groupBy: string[]
  outliers: number
  values: number
}

const worst = (rises: readonly Rise[]) =>
  rises.some((r) => r.severity === 'critical') ? ('critical' as const) : ('warning' as const)

/**
 * Compares each field's outlier rate in a finished run with the dataset's earlier runs
 * (anomaly/outlier-rise) and raises one audited `outliers_rise` alert naming the fields whose
 * rate rose notably — the same path as a quality drop.
 */
export async function raiseOutliersRise(
  trx: Trx,
  deps: Pick<GovernanceDeps, 'audit' | 'clock'>,
  actor: Actor,
  input: { runId: string; dataset: DatasetRow; results: readonly FieldOutliers[] },
): Promise<string | null> {
  const { runId, dataset, results } = input
  const rises: Rise[] = []
  for (const r of results) {
    const earlier = await outlierStore.previousCounts(
      trx,
      dataset.id,
      r.field,
      runId,
      BASELINE_RUNS,
    )
    const counts = earlier.map((e) => ({
      values: Number(e.values_count),
      outliers: Number(e.outliers),
    }))
    const rise = checkOutlierRise(counts, { values: r.values, outliers: r.outliers })
    if (rise)
      rises.push({
        ...rise,
        field: r.field,
        groupBy: r.groupBy,
        outliers: r.outliers,
        values: r.values,
      })
  }
  if (rises.length === 0) return null
  const named = (lang: 'zh' | 'en') =>
    rises.map((r) => `${r.field}: ${r.reason[lang]}`).join(lang === 'zh' ? '；' : '; ')
  return raiseAlert(
    trx,
    deps,
    actor,
    { dataset, runId },
    {
      kind: 'outliers_rise',
      severity: worst(rises),
      message: {
        zh: `数据集“${dataset.name}”离群值增多：${named('zh')}`,
        en: `Outliers in dataset ${dataset.code} rose: ${named('en')}`,
      },
      detail: { fields: rises },
      audited: { fields: rises.map((r) => r.field) },
    },
  )
}
