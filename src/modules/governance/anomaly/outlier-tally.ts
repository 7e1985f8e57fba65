import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'
import { iqrReason, robustZReason } from './anomaly-messages.js'
import { iqrFences, iqrScore, isOutsideFences } from './iqr.js'
import { readNumber } from './outliers.js'
import { sortAscending } from './quantile.js'
import { modifiedZScore, robustBaseline } from './robust-z.js'

export interface OutlierTallyOptions {
  /** Numeric columns to judge, each on its own. */
  fields: readonly string[]
  /** Columns whose values form the groups (e.g. division, industry); [] for one group. */
  groupBy: readonly string[]
  /** Outliers kept as examples per field, the most extreme first (default 20). */
  sampleSize?: number
  /** |modified z| above this is an outlier (default 3.5). */
  zThreshold?: number
  /** Tukey's k (default 1.5). */
  iqrK?: number
  /** Groups with fewer values are not judged (default 5). */
  minGroupSize?: number
}

/** An outlying value kept as an example: where it is, how far out, and why. */
export interface OutlierExample {
  line: number
  group: string | null
  value: number
  method: 'robust-z' | 'iqr'
  score: number | null
  direction: 'high' | 'low'
  reason: LocalizedMessage
}

/** One field's outliers over a whole file. */
export interface FieldOutliers {
  field: string
  groupBy: string[]
  /** Rows with a number in the field. */
  values: number
  /** Rows whose field was empty or not a number. */
  skipped: number
  groups: number
  /** Groups large enough to be judged. */
  assessedGroups: number
  /** Rows flagged by either method, and by each. */
  outliers: number
  byMethod: { 'robust-z': number; iqr: number }
  /** outliers / values (0 when no value). */
  rate: number
  sample: OutlierExample[]
}

/** A column of numbers that grows without holding a JS object per value. */
class Column {
  values = new Float64Array(64)
  lines = new Int32Array(64)
  size = 0
  push(value: number, line: number) {
    if (this.size === this.values.length) {
      const values = new Float64Array(this.size * 2)
      values.set(this.values)
      const lines = new Int32Array(this.size * 2)
      lines.set(this.lines)
      this.values = values
      this.lines = lines
    }
    this.values[this.size] = value
    this.lines[this.size++] = line
  }
}

interface Settings {
  sampleSize: number
  zThreshold: number
  iqrK: number
  minGroupSize: number
}

function judge(
  group: string | null,
  column: Column,
  s: Settings,
  keep: (e: OutlierExample) => void,
) {
  const values = Array.from(column.values.subarray(0, column.size))
  const baseline = robustBaseline(values)
  const fences = iqrFences(sortAscending(values), s.iqrK)
  const counts = { any: 0, 'robust-z': 0, iqr: 0 }
  values.forEach((value, i) => {
    const line = column.lines[i] ?? 0
    const z = modifiedZScore(value, baseline)
    const byZ = z !== null && Math.abs(z) > s.zThreshold
    const byIqr = isOutsideFences(value, fences)
    if (!byZ && !byIqr) return
    counts.any++
    if (byZ) counts['robust-z']++
    if (byIqr) counts.iqr++
    const direction = value > baseline.median ? 'high' : 'low'
    if (byZ)
      keep({
        line,
        group,
        value,
        method: 'robust-z',
        score: z,
        direction,
        reason: robustZReason(group, z, s.zThreshold, baseline),
      })
    else
      keep({
        line,
        group,
        value,
        method: 'iqr',
        score: iqrScore(value, fences),
        direction,
        reason: iqrReason(group, value, fences),
      })
  })
  return counts
}

/** Most extreme first; an unbounded score (no spread) counts as the most extreme. */
const extremity = (e: OutlierExample) => (e.score === null ? Infinity : Math.abs(e.score))

/**
 * Outliers of numeric fields per group over a stream of rows, by the robust z-score (median and
 * MAD) and Tukey's IQR fences, as detectOutliers does for rows in memory. Values are held as
 * numbers only (12 bytes a value), so a file of millions of rows fits; examples are bounded.
 */
export function createOutlierTally(options: OutlierTallyOptions) {
  const settings: Settings = {
    sampleSize: options.sampleSize ?? 20,
    zThreshold: options.zThreshold ?? 3.5,
    iqrK: options.iqrK ?? 1.5,
    minGroupSize: options.minGroupSize ?? 5,
  }
  const perField = options.fields.map(() => ({
    groups: new Map<string | null, Column>(),
    skipped: 0,
  }))

  return {
    add(line: number, record: Readonly<Record<string, string | null | undefined>>) {
      const group =
        options.groupBy.length === 0
          ? null
          : options.groupBy.map((g) => record[g] ?? '').join(' / ')
      options.fields.forEach((field, f) => {
        const tally = perField[f]
        if (tally === undefined) return
        const value = readNumber(record[field])
        if (value === null) {
          tally.skipped++
          return
        }
        let column = tally.groups.get(group)
        if (column === undefined) tally.groups.set(group, (column = new Column()))
        column.push(value, line)
      })
    },

    finish(): FieldOutliers[] {
      return options.fields.map((field, f) => {
        const tally = perField[f] ?? { groups: new Map<string | null, Column>(), skipped: 0 }
        const sample: OutlierExample[] = []
        const keep = (e: OutlierExample) => {
          sample.push(e)
          if (sample.length > settings.sampleSize * 4) {
            sample.sort((a, b) => extremity(b) - extremity(a))
            sample.length = settings.sampleSize
          }
        }
        let values = 0
        let assessedGroups = 0
        const totals = { any: 0, 'robust-z': 0, iqr: 0 }
        for (const [group, column] of tally.groups) {
          values += column.size
          if (column.size < settings.minGroupSize) continue
          assessedGroups++
          const counts = judge(group, column, settings, keep)
          totals.any += counts.any
          totals['robust-z'] += counts['robust-z']
          totals.iqr += counts.iqr
        }
        sample.sort((a, b) => extremity(b) - extremity(a) || a.line - b.line)
        return {
          field,
          groupBy: [...options.groupBy],
          values,
          skipped: tally.skipped,
          groups: tally.groups.size,
          assessedGroups,
          outliers: totals.any,
          byMethod: { 'robust-z': totals['robust-z'], iqr: totals.iqr },
          rate: values === 0 ? 0 : totals.any / values,
          sample: sample.slice(0, settings.sampleSize),
        }
      })
    },
  }
}
