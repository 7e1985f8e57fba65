/** Anomaly detection: robust z-scores, IQR fences per field and group, quality-score drops. */

// detectOutliers(rows, { field, groupBy?, methods?, zThreshold?, iqrK? }) → flagged values with score and { zh, en } reason.
export { detectOutliers } from './outliers.js'
// readNumber(8000 | ' 8000 ' | 'n/a') → a finite number or null.
export { readNumber } from './outliers.js'
export type {
  AnomalyRow,
  GroupStatistics,
  Outlier,
  OutlierMethod,
  OutlierOptions,
  OutlierReport,
} from './anomaly.types.js'

// checkQualityDrop(history oldest first, options?) → QualityAlert ('warning' | 'critical') or null.
export { checkQualityDrop } from './quality-drop.js'
export type {
  AlertSeverity,
  QualityAlert,
  QualityDropOptions,
  QualityDropRule,
  QualityPoint,
} from './quality-drop.js'

// robustBaseline(values) → median, MAD, mean absolute deviation and which one measures spread.
export { robustBaseline } from './robust-z.js'
// modifiedZScore(x, baseline) → 0.6745·(x − median)/MAD (MeanAD fallback); null with no spread.
export { modifiedZScore } from './robust-z.js'
export type { RobustBaseline, SpreadMeasure } from './robust-z.js'
// iqrFences(sortedValues, k = 1.5) → Q1, Q3, IQR and the fences Q1 − k·IQR, Q3 + k·IQR.
export { iqrFences } from './iqr.js'
export type { IqrFences } from './iqr.js'
// quantile(sortedValues, p) → Hyndman & Fan type 7 (R default, NumPy 'linear'); median(sorted).
export { median, quantile, sortAscending } from './quantile.js'

// createOutlierTally({ fields, groupBy }) → add(line, record) per row, finish() → per field its
// outlier count and rate, and the most extreme outliers as examples (bounded memory).
export { createOutlierTally } from './outlier-tally.js'
export type { FieldOutliers, OutlierExample, OutlierTallyOptions } from './outlier-tally.js'
// checkOutlierRise(earlier counts, latest count) → OutlierRise ('warning' | 'critical') or null.
export { checkOutlierRise } from './outlier-rise.js'
export type { OutlierCount, OutlierRise, OutlierRiseOptions } from './outlier-rise.js'
