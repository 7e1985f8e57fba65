import type { BenchRow } from '../authz.js'
import type { Agreement } from './compare-counts.js'
import type { CheckResult } from './peak-memory.js'

/** The memory target for ours, whatever the file size. */
export const PEAK_MEMORY_TARGET_MB = 300
const round = (n: number, digits = 3): number => Number(n.toFixed(digits))
const perSecond = (result: CheckResult): number => result.rows / result.seconds

export interface QualityFigures {
  count: number
  ours: CheckResult
  peer: CheckResult
  agreement: Agreement
  /** Ours on a file three times as large (GOVERNANCE_SCALE_CHECK=1). */
  scale?: CheckResult | undefined
}

/** The JSON lines of the data-quality figure. */
export function qualityRows(figures: QualityFigures): BenchRow[] {
  const { count, ours, peer, agreement, scale } = figures
  const base = { bench: 'governance' }
  const rows: BenchRow[] = [
    {
      ...base,
      metric: 'check_rows_per_second',
      value: Math.round(perSecond(ours)),
      unit: 'rows/s',
      peer: `DuckDB (@duckdb/node-api), same checks in SQL on the same ${count}-row CSV`,
      peerValue: Math.round(perSecond(peer)),
      ratio: round(perSecond(ours) / perSecond(peer)),
    },
    {
      ...base,
      metric: 'check_peak_memory_mb',
      value: ours.maxRssMb,
      unit: 'MB',
      peer: 'target',
      peerValue: PEAK_MEMORY_TARGET_MB,
      ratio: round(ours.maxRssMb / PEAK_MEMORY_TARGET_MB),
    },
    {
      ...base,
      metric: 'check_peak_memory_duckdb_mb',
      value: peer.maxRssMb,
      unit: 'MB',
      peer: 'tongban',
      peerValue: ours.maxRssMb,
      ratio: round(peer.maxRssMb / ours.maxRssMb),
    },
    {
      ...base,
      metric: 'check_rules_agreeing',
      value: agreement.agreeing,
      unit: 'rules',
      peer: 'rules compared',
      peerValue: agreement.compared,
      ratio: round(agreement.agreeing / agreement.compared),
    },
  ]
  if (scale !== undefined) {
    rows.push({
      ...base,
      metric: 'check_peak_memory_3x_mb',
      value: scale.maxRssMb,
      unit: 'MB',
      peer: `tongban on the ${count}-row file`,
      peerValue: ours.maxRssMb,
      ratio: round(scale.maxRssMb / ours.maxRssMb),
    })
  }
  return rows
}
