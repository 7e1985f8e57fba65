import { iqrReason, robustZReason } from './anomaly-messages.js'
import type {
  AnomalyRow,
  GroupStatistics,
  Outlier,
  OutlierMethod,
  OutlierOptions,
  OutlierReport,
} from './anomaly.types.js'
import { iqrFences, iqrScore, isOutsideFences, type IqrFences } from './iqr.js'
import { sortAscending } from './quantile.js'
import { modifiedZScore, robustBaseline, type RobustBaseline } from './robust-z.js'

interface Observation {
  row: number
  id?: string
  value: number
}

type Settings = Required<Omit<OutlierOptions, 'groupBy' | 'idField'>> & {
  groupBy: string[]
  idField: string | undefined
}

/**
 * Outliers of one numeric field, per group when `groupBy` is given, by the robust z-score
 * (median and MAD) and/or Tukey's IQR fences. Both methods ignore the outliers themselves
 * when estimating the centre and spread, which the mean and standard deviation do not.
 */
export function detectOutliers(
  rows: readonly AnomalyRow[],
  options: OutlierOptions,
): OutlierReport {
  const settings = resolve(options)
  const { groups, skipped } = collect(rows, settings)
  const statistics: GroupStatistics[] = []
  const outliers: Outlier[] = []
  for (const [key, observations] of groups) {
    const judged = judgeGroup(key, observations, settings)
    statistics.push(judged.statistics)
    outliers.push(...judged.outliers)
  }
  outliers.sort((a, b) => a.row - b.row || a.method.localeCompare(b.method))
  return { field: settings.field, groupBy: settings.groupBy, groups: statistics, outliers, skipped }
}

function resolve(options: OutlierOptions): Settings {
  const groupBy = options.groupBy
  return {
    field: options.field,
    groupBy: groupBy === undefined ? [] : typeof groupBy === 'string' ? [groupBy] : [...groupBy],
    methods: options.methods ?? ['robust-z', 'iqr'],
    zThreshold: options.zThreshold ?? 3.5,
    iqrK: options.iqrK ?? 1.5,
    minGroupSize: options.minGroupSize ?? 5,
    idField: options.idField,
  }
}

/** A finite number from a number or from text such as ' 8000 '; null otherwise. */
export function readNumber(value: string | number | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (value === null || value === undefined || value.trim() === '') return null
  const parsed = Number(value)
  return Number.isFinite(parsed) ? parsed : null
}

function collect(rows: readonly AnomalyRow[], settings: Settings) {
  const groups = new Map<string | null, Observation[]>()
  let skipped = 0
  rows.forEach((record, row) => {
    const value = readNumber(record[settings.field])
    if (value === null) {
      skipped++
      return
    }
    const key = groupKey(record, settings.groupBy)
    const id = settings.idField === undefined ? undefined : record[settings.idField]
    const observation =
      id === undefined || id === null ? { row, value } : { row, id: String(id), value }
    const members = groups.get(key)
    if (members) members.push(observation)
    else groups.set(key, [observation])
  })
  return { groups, skipped }
}

function groupKey(record: AnomalyRow, fields: readonly string[]): string | null {
  if (fields.length === 0) return null
  return fields.map((field) => String(record[field] ?? '')).join(' / ')
}

function judgeGroup(group: string | null, observations: Observation[], settings: Settings) {
  const values = observations.map((o) => o.value)
  const assessed = observations.length >= settings.minGroupSize
  const uses = (method: OutlierMethod) => settings.methods.includes(method)
  const robust = uses('robust-z') ? robustBaseline(values) : null
  const fences = uses('iqr') ? iqrFences(sortAscending(values), settings.iqrK) : null
  const statistics: GroupStatistics = { group, count: values.length, assessed, robust, fences }
  if (!assessed) return { statistics, outliers: [] }
  const outliers = observations.flatMap((o) => [
    ...(robust ? robustOutlier(group, o, robust, settings) : []),
    ...(fences ? iqrOutlier(group, o, fences, settings) : []),
  ])
  return { statistics, outliers }
}

function outlierBase(group: string | null, o: Observation, settings: Settings, high: boolean) {
  return {
    row: o.row,
    ...(o.id === undefined ? {} : { id: o.id }),
    group,
    field: settings.field,
    value: o.value,
    direction: high ? ('high' as const) : ('low' as const),
  }
}

function robustOutlier(
  group: string | null,
  o: Observation,
  baseline: RobustBaseline,
  settings: Settings,
): Outlier[] {
  const score = modifiedZScore(o.value, baseline)
  // A null score needs a zero spread, and then every value is the median: nothing to flag.
  if (score === null || Math.abs(score) <= settings.zThreshold) return []
  const reason = robustZReason(group, score, settings.zThreshold, baseline)
  const base = outlierBase(group, o, settings, o.value > baseline.median)
  return [{ ...base, method: 'robust-z', score, reason }]
}

function iqrOutlier(
  group: string | null,
  o: Observation,
  fences: IqrFences,
  settings: Settings,
): Outlier[] {
  if (!isOutsideFences(o.value, fences)) return []
  const base = outlierBase(group, o, settings, o.value > fences.upper)
  const score = iqrScore(o.value, fences)
  return [{ ...base, method: 'iqr', score, reason: iqrReason(group, o.value, fences) }]
}
