import { analyseLog, type AnalysisReport } from './analysis.js'
import { bpmnToPetriNet, checkConformanceToBpmn, compareBpmnModels } from './conformance/index.js'
import { applyFilter, applyFilters, type LogFilter } from './discovery/filters.js'
import { XES_KEYS, type EventLog } from './log/event-log.js'
import type { IssueReport } from './log/log-messages.js'
import { indexVariants } from './log/variants.js'
import {
  discoverProcessTree,
  formatTree,
  processTreeToBpmn,
  treeActivities,
} from './mining/index.js'
import type { WorkingCalendar } from '../../platform/calendar/index.js'
import type { StoredRequest } from './analysis.service.js'

/** What an analysis computes and over which part of the log (an HTTP request or CLI flags). */
export interface AnalysisAsk {
  readonly options: StoredRequest['options']
  readonly filters?: readonly LogFilter[]
}

export interface AnalysisOutcome {
  readonly result: AnalysisReport & {
    discovered?: { tree: string; activities: number; comparison?: unknown }
  }
  readonly issues: IssueReport
  readonly bpmn: string | null
}

/**
 * The view discovery and replay see: when the log records lifecycles, only the completions (a
 * step is one activity, not its schedule, start and complete); otherwise the log itself.
 */
function controlFlowView(log: EventLog): EventLog {
  const names = log.lifecycleNames
  if (names.length < 2 || !names.includes('complete')) return log
  return applyFilter(log, {
    kind: 'attribute',
    key: XES_KEYS.lifecycle,
    values: ['complete'],
    mode: 'events',
  })
}

/**
 * The approval history records the platform's own case actions (提交申请, 补正 …) beside the
 * process's steps; replayed against the item's process, only the events of its tasks count.
 */
async function modelActivitiesOnly(log: EventLog, modelXml: string): Promise<EventLog> {
  const net = await bpmnToPetriNet(modelXml)
  if (!net.ok) return log
  const labels = net.net.transitions.flatMap((t) => (t.label === null ? [] : [t.label]))
  return applyFilter(log, { kind: 'attribute', key: XES_KEYS.name, values: labels, mode: 'events' })
}

/**
 * Runs the asked analyses over a read log; `onStep` hears each part as it starts. With
 * `stepsOnly` (the approval history), conformance replays only the model's own activities.
 */
export async function runAnalysis(
  read: { log: EventLog; report: IssueReport },
  request: AnalysisAsk,
  modelXml: string | null,
  calendar: WorkingCalendar,
  onStep: (step: string) => void,
  stepsOnly = false,
): Promise<AnalysisOutcome> {
  onStep('filtering')
  const log = applyFilters(read.log, request.filters ?? [])
  const o = request.options
  const sla = o.sla
  const report = await analyseLog(
    log,
    {
      calendar,
      ...(o.dfg === true ? { dfg: true } : {}),
      ...(o.variants === undefined ? {} : { variants: o.variants }),
      ...(o.performance === true ? { performance: true } : {}),
      ...(o.rework === true ? { rework: true } : {}),
      ...(o.correctionActivities === undefined
        ? {}
        : { correctionActivities: o.correctionActivities }),
      ...(sla === undefined
        ? {}
        : {
            sla: {
              ...(sla.workingDays === undefined ? {} : { workingDays: sla.workingDays }),
              ...(sla.calendarHours === undefined
                ? {}
                : { calendarMs: sla.calendarHours * 3_600_000 }),
            },
          }),
    },
    onStep,
  )
  const needsView = modelXml !== null || o.discover !== undefined
  const view = needsView ? controlFlowView(log) : log
  const { variants } = needsView ? indexVariants(view) : { variants: [] }
  let result: AnalysisOutcome['result'] = report
  if (modelXml !== null) {
    onStep('conformance')
    const replayed = stepsOnly
      ? indexVariants(await modelActivitiesOnly(view, modelXml)).variants
      : variants
    result = { ...result, conformance: await checkConformanceToBpmn(modelXml, replayed) }
  }
  let bpmn: string | null = null
  if (o.discover !== undefined && variants.length > 0) {
    onStep('discovery')
    const noise = o.discover.noiseThreshold
    const tree = discoverProcessTree(variants, noise === undefined ? {} : { noiseThreshold: noise })
    bpmn = await processTreeToBpmn(tree)
    // Beside a model (the deployed definition or an imported one): what the discovered one differs in.
    const compared = modelXml === null ? null : await compareBpmnModels(bpmn, modelXml)
    result = {
      ...result,
      discovered: {
        tree: formatTree(tree),
        activities: treeActivities(tree).length,
        ...(compared === null
          ? {}
          : { comparison: compared.ok ? compared.comparison : { errors: compared.errors } }),
      },
    }
  }
  return { result, issues: read.report, bpmn }
}
