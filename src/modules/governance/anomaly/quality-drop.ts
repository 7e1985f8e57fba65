import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'
import { qualityDropReason } from './anomaly-messages.js'
import { modifiedZScore, robustBaseline, type RobustBaseline } from './robust-z.js'

/** One measurement of a dataset's quality, e.g. the daily score 0–100. */
export interface QualityPoint {
  at: string
  score: number
}

export interface QualityDropOptions {
  /** How many points before the latest form the baseline (default 14). */
  baselineSize?: number
  /** Below this many baseline points only the absolute rule applies (default 5). */
  minBaseline?: number
  /** Modified z-score at or below −zWarning raises a warning (default 3.5). */
  zWarning?: number
  /** …and at or below −zCritical a critical alert (default 7). */
  zCritical?: number
  /** A drop of at least this many points below the baseline median warns (default 10). */
  dropWarning?: number
  /** …and at least this many is critical (default 20). */
  dropCritical?: number
  /** Drops smaller than this never alert, however flat the baseline (default 2). */
  minDrop?: number
}

export type AlertSeverity = 'warning' | 'critical'

/** Why an alert was raised: the robust statistical test, the absolute drop, or both. */
export type QualityDropRule = 'robust-z' | 'absolute-drop'

export interface QualityAlert {
  kind: 'quality-drop'
  severity: AlertSeverity
  at: string
  score: number
  /** Baseline median minus the latest score, in points. */
  drop: number
  modifiedZ: number | null
  baseline: RobustBaseline
  rules: QualityDropRule[]
  reason: LocalizedMessage
}

/**
 * Whether the latest point of a history (oldest first) is a significant drop against the
 * median and MAD of the points before it, or simply a drop of many points. Null: no alert.
 */
export function checkQualityDrop(
  history: readonly QualityPoint[],
  options: QualityDropOptions = {},
): QualityAlert | null {
  const settings = resolve(options)
  const latest = history.at(-1)
  const previous = history.slice(-1 - settings.baselineSize, -1).map((point) => point.score)
  if (latest === undefined || previous.length === 0) return null
  const baseline = robustBaseline(previous)
  const drop = baseline.median - latest.score
  if (drop < settings.minDrop) return null
  const z = modifiedZScore(latest.score, baseline)
  const statistical = previous.length >= settings.minBaseline ? zSeverity(z, settings) : null
  const absolute = dropSeverity(drop, settings)
  const severity = worst(statistical, absolute)
  if (severity === null) return null
  const rules: QualityDropRule[] = []
  if (statistical) rules.push('robust-z')
  if (absolute) rules.push('absolute-drop')
  const reason = qualityDropReason(latest.score, drop, baseline, z)
  const { at, score } = latest
  return { kind: 'quality-drop', severity, at, score, drop, modifiedZ: z, baseline, rules, reason }
}

function resolve(options: QualityDropOptions): Required<QualityDropOptions> {
  return {
    baselineSize: options.baselineSize ?? 14,
    minBaseline: options.minBaseline ?? 5,
    zWarning: options.zWarning ?? 3.5,
    zCritical: options.zCritical ?? 7,
    dropWarning: options.dropWarning ?? 10,
    dropCritical: options.dropCritical ?? 20,
    minDrop: options.minDrop ?? 2,
  }
}

// A null score means the baseline never varied, so any drop past minDrop stands out.
function zSeverity(z: number | null, s: Required<QualityDropOptions>): AlertSeverity | null {
  if (z === null) return 'warning'
  if (z <= -s.zCritical) return 'critical'
  return z <= -s.zWarning ? 'warning' : null
}

function dropSeverity(drop: number, s: Required<QualityDropOptions>): AlertSeverity | null {
  if (drop >= s.dropCritical) return 'critical'
  return drop >= s.dropWarning ? 'warning' : null
}

function worst(a: AlertSeverity | null, b: AlertSeverity | null): AlertSeverity | null {
  if (a === 'critical' || b === 'critical') return 'critical'
  return a ?? b
}
