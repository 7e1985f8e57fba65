import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'
import type { IqrFences } from './iqr.js'
import type { RobustBaseline } from './robust-z.js'

export type OutlierMethod = 'robust-z' | 'iqr'

/** A record to inspect: numbers may arrive as text ('8000') and are parsed. */
export type AnomalyRow = Readonly<Record<string, string | number | null | undefined>>

export interface OutlierOptions {
  /** The numeric field to inspect. */
  field: string
  /** Fields whose values form the groups, each with its own statistics (e.g. district). */
  groupBy?: string | readonly string[]
  /** Default both. */
  methods?: readonly OutlierMethod[]
  /** |modified z| above this is an outlier (default 3.5, Iglewicz and Hoaglin). */
  zThreshold?: number
  /** Tukey's k (default 1.5). */
  iqrK?: number
  /** Groups with fewer numeric values are described but not judged (default 5). */
  minGroupSize?: number
  /** A field copied into each outlier to name its record (an ID, a case number). */
  idField?: string
}

export interface Outlier {
  /** Position of the record in the input. */
  row: number
  id?: string
  group: string | null
  field: string
  value: number
  method: OutlierMethod
  /** The modified z-score, or IQRs beyond the nearer quartile; null when the spread is 0. */
  score: number | null
  direction: 'high' | 'low'
  reason: LocalizedMessage
}

export interface GroupStatistics {
  /** The group key (values joined with ' / '), null when not grouped. */
  group: string | null
  count: number
  /** False when the group had fewer than minGroupSize values and nothing in it was judged. */
  assessed: boolean
  robust: RobustBaseline | null
  fences: IqrFences | null
}

export interface OutlierReport {
  field: string
  groupBy: string[]
  groups: GroupStatistics[]
  outliers: Outlier[]
  /** Records whose field was missing or not a number. */
  skipped: number
}
