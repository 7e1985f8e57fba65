import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'
import type { AlertSeverity } from './quality-drop.js'

/** One run's outliers of one field: how many values, how many of them outlying. */
export interface OutlierCount {
  values: number
  outliers: number
}

export interface OutlierRiseOptions {
  /** The latest rate must exceed the baseline rate by this much (default 0.01, one point). */
  minRise?: number
  /** …and be at least this multiple of it (default 2). */
  minRatio?: number
  /** …and the excess count be this many binomial standard deviations (default 3). */
  minZ?: number
  /** A rise of this much (default 0.05) and this multiple (default 3) is critical. */
  criticalRise?: number
  criticalRatio?: number
  /** Earlier values needed for a baseline (default 20). */
  minBaselineValues?: number
}

export interface OutlierRise {
  severity: AlertSeverity
  /** Pooled rate of the earlier runs, and the latest rate. */
  baselineRate: number
  rate: number
  /** (outliers − values·baseline) / √(values·baseline·(1 − baseline)). */
  z: number
  reason: LocalizedMessage
}

const percent = (rate: number) => `${(Math.round(rate * 1000) / 10).toString()}%`
/** A baseline of no outliers still leaves room for chance: its variance uses at least 0.1 %. */
const RATE_FLOOR = 0.001

/**
 * Whether the latest run's outlier rate of a field rose notably against the earlier runs (their
 * outliers pooled): by a margin, a multiple, and beyond binomial chance at once. Null: no alert.
 */
export function checkOutlierRise(
  earlier: readonly OutlierCount[],
  latest: OutlierCount,
  options: OutlierRiseOptions = {},
): OutlierRise | null {
  const o = {
    minRise: 0.01,
    minRatio: 2,
    minZ: 3,
    criticalRise: 0.05,
    criticalRatio: 3,
    minBaselineValues: 20,
    ...options,
  }
  const values = earlier.reduce((sum, c) => sum + c.values, 0)
  if (values < o.minBaselineValues || latest.values === 0) return null
  const baselineRate = earlier.reduce((sum, c) => sum + c.outliers, 0) / values
  const rate = latest.outliers / latest.values
  const p = Math.max(baselineRate, RATE_FLOOR)
  const z = (latest.outliers - latest.values * p) / Math.sqrt(latest.values * p * (1 - p))
  const rise = rate - baselineRate
  if (rise < o.minRise || rate < o.minRatio * baselineRate || z < o.minZ) return null
  const critical = rise >= o.criticalRise && rate >= o.criticalRatio * baselineRate
  const [before, now] = [percent(baselineRate), percent(rate)]
  return {
    severity: critical ? 'critical' : 'warning',
    baselineRate,
    rate,
    z,
    reason: {
      zh: `离群值比例由此前的 ${before} 升至 ${now}`,
      en: `the share of outlying values rose from ${before} to ${now}`,
    },
  }
}
