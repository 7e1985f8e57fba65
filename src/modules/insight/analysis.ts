import type { WorkingCalendar } from '../../platform/calendar/index.js'
import type { FieldError } from '../../platform/errors.js'
import { checkConformanceToBpmn, type ConformanceReport } from './conformance/index.js'
import { directlyFollowsGraph, type DirectlyFollowsGraph } from './discovery/dfg.js'
import type { EventLog } from './log/event-log.js'
import { indexVariants, type Variant } from './log/variants.js'
import { analysePerformance, type PerformanceReport } from './performance/performance.js'
import { slaBreaches, type SlaLimit, type SlaReport } from './performance/sla.js'
import { correctionLoops, type CorrectionReport } from './rework/corrections.js'
import { redundantReviews, type RedundantReviewCandidate } from './rework/redundant-reviews.js'
import { repeatedActivities, type RepeatReport } from './rework/repeats.js'

/** What to compute over a log; each part left out is skipped. */
export interface AnalysisRequest {
  readonly dfg?: boolean
  /** How many variants to list (the count of all is always given). */
  readonly variants?: number
  readonly performance?: boolean
  readonly sla?: SlaLimit
  readonly rework?: boolean
  /** Activities opening a 补正 round (with `rework`). */
  readonly correctionActivities?: readonly string[]
  /** A BPMN 2.0 model to replay the log against. */
  readonly conformanceBpmn?: string
  readonly calendar?: WorkingCalendar
}

export interface VariantShare extends Variant {
  readonly share: number
}

export interface AnalysisReport {
  readonly counts: {
    readonly cases: number
    readonly events: number
    readonly activities: number
    readonly variants: number
  }
  readonly dfg?: DirectlyFollowsGraph
  readonly variants?: readonly VariantShare[]
  readonly performance?: PerformanceReport
  readonly sla?: SlaReport
  readonly rework?: {
    readonly repeats: RepeatReport
    readonly corrections?: CorrectionReport
    readonly redundantReviews: readonly RedundantReviewCandidate[]
  }
  readonly conformance?:
    | { readonly ok: true; readonly report: ConformanceReport }
    | { readonly ok: false; readonly errors: readonly FieldError[] }
}

/** Activities with at least one event: a filtered log keeps the names of those it dropped. */
function activitiesPresent(log: EventLog): number {
  const seen = new Uint8Array(log.activityNames.length)
  let count = 0
  for (const activity of log.activity) {
    if (seen[activity] === 0) {
      seen[activity] = 1
      count++
    }
  }
  return count
}

/** Runs the asked parts of the analysis; `onStep` hears each part's name as it starts. */
export async function analyseLog(
  log: EventLog,
  request: AnalysisRequest,
  onStep: (step: string) => void = () => undefined,
): Promise<AnalysisReport> {
  onStep('variants')
  const { variants } = indexVariants(log)
  const calendar = request.calendar === undefined ? {} : { calendar: request.calendar }
  const counts = {
    cases: log.caseCount,
    events: log.eventCount,
    activities: activitiesPresent(log),
    variants: variants.length,
  }
  const report: { -readonly [K in keyof AnalysisReport]: AnalysisReport[K] } = { counts }
  if (request.variants !== undefined) {
    report.variants = variants
      .slice(0, request.variants)
      .map((v) => ({ ...v, share: log.caseCount > 0 ? v.count / log.caseCount : 0 }))
  }
  if (request.dfg === true) {
    onStep('dfg')
    report.dfg = directlyFollowsGraph(log)
  }
  if (request.performance === true) {
    onStep('performance')
    report.performance = analysePerformance(log, calendar)
  }
  if (request.sla !== undefined) {
    onStep('sla')
    report.sla = slaBreaches(log, request.sla, calendar)
  }
  if (request.rework === true) {
    onStep('rework')
    const corrections = request.correctionActivities
    report.rework = {
      repeats: repeatedActivities(log),
      ...(corrections === undefined
        ? {}
        : { corrections: correctionLoops(log, { activities: corrections }) }),
      redundantReviews: redundantReviews(log),
    }
  }
  if (request.conformanceBpmn !== undefined) {
    onStep('conformance')
    report.conformance = await checkConformanceToBpmn(request.conformanceBpmn, variants)
  }
  return report
}
