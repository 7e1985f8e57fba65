import type { Transaction } from 'kysely'
import type { Actor } from '../../platform/auth/principal.js'
import { checkQualityDrop } from './anomaly/index.js'
import type { GovernanceDeps } from './governance.deps.js'
import type { DatasetRow, GovernanceTables } from './governance.tables.js'
import { governanceStore } from './governance.store.js'
import { raiseAlert } from './raise-alert.js'
import type { QualityReport } from './quality/index.js'

type Trx = Transaction<GovernanceTables>

/** Earlier finished runs the detector compares the latest score with. */
const BASELINE_RUNS = 14
/** Elements named in an alert as having fallen most since the previous run. */
const ELEMENTS_NAMED = 5

/** The elements whose score fell most since the previous run, worst first. */
async function elementDrops(trx: Trx, previousRunId: string, report: QualityReport) {
  const before = await governanceStore.scoresOfScope(trx, previousRunId, 'element')
  return before
    .flatMap(({ key, score }) => {
      const now = report.elements[key]?.score ?? null
      return score === null || now === null || now >= score
        ? []
        : [{ element: key, before: score, after: now, drop: Math.round((score - now) * 100) / 100 }]
    })
    .sort((a, b) => b.drop - a.drop)
    .slice(0, ELEMENTS_NAMED)
}

/**
 * Compares a finished run's dataset score with the dataset's earlier runs (robust z and absolute
 * drop, anomaly/quality-drop) and raises an audited alert when it got significantly worse.
 */
export async function raiseQualityDrop(
  trx: Trx,
  deps: Pick<GovernanceDeps, 'audit' | 'clock'>,
  actor: Actor,
  input: { runId: string; dataset: DatasetRow; report: QualityReport },
): Promise<string | null> {
  const { runId, dataset, report } = input
  if (report.score === null) return null
  const rows = await governanceStore.previousDatasetScores(trx, dataset.id, runId, BASELINE_RUNS)
  const previous = rows.map((r) => ({ runId: r.run_id, at: r.measured_at, score: r.score ?? 0 }))
  const alert = checkQualityDrop([...previous, { at: report.runAt, score: report.score }])
  const last = previous.at(-1)
  if (!alert || !last) return null
  return raiseAlert(
    trx,
    deps,
    actor,
    { dataset, runId },
    {
      kind: 'quality_drop',
      severity: alert.severity,
      message: {
        zh: `数据集“${dataset.name}”质量下降：${alert.reason.zh}`,
        en: `Quality of dataset ${dataset.code} dropped: ${alert.reason.en}`,
      },
      detail: {
        ...alert,
        previousRunId: last.runId,
        elements: await elementDrops(trx, last.runId, report),
      },
    },
  )
}
