/** 流程挖掘 Process mining of the approval history and of any external event log. */

/** The columnar event log and its shape. */
export type { AttributeColumn, EventLog, LogAttribute, XesAttributeType } from './log/event-log.js'
export { caseActivities, caseLength, XES_KEYS } from './log/event-log.js'
/** Issues found while reading a log (each names its trace, event or line), and refused files. */
export { LogFileError, LOG_ISSUE_MESSAGES, LOG_FILE_MESSAGES } from './log/log-messages.js'
export type { IssueReport, LogIssue, LogIssueCode, LogFileErrorCode } from './log/log-messages.js'
export type { BuildOptions, BuiltLog } from './log/log-builder.js'
/** Variants, most frequent first: what the mining algorithms consume. */
export { computeVariants, indexVariants } from './log/variants.js'
export type { Variant, VariantIndex, VariantOptions } from './log/variants.js'
/** XES (plain or gzipped, streamed) and CSV (with a column mapping) in; XES and CSV out. */
export { readXes, type ReadXesOptions } from './import/read-xes.js'
export { readCsv, type CsvMapping, type ReadCsvOptions } from './import/read-csv.js'
export { xesHeaderTotals, type XesHeaderTotals } from './import/xes-header.js'
export type { ReadProgress, ProgressListener } from './import/text-source.js'
export { writeXes } from './export/write-xes.js'
export { writeCsv, CSV_COLUMNS } from './export/write-csv.js'
/** The approval module's action log as an event log. */
export {
  readApprovalLog,
  APPROVAL_CORRECTION_ACTIVITY,
  APPROVAL_CASE_ATTRIBUTES,
  type ApprovalLogSource,
} from './approval/approval-events.js'
/** Discovery: directly-follows graph with frequencies and durations; filters. */
export { directlyFollowsGraph } from './discovery/dfg.js'
export type { DirectlyFollowsGraph, DfgEdge, ActivityFrequency } from './discovery/dfg.js'
export type { DurationStats } from './discovery/duration-stats.js'
export { applyFilter, applyFilters } from './discovery/filters.js'
export type { LogFilter } from './discovery/filters.js'
/** Performance in calendar time and working days; SLA breaches; rework and redundant reviews. */
export { analysePerformance } from './performance/performance.js'
export type { PerformanceReport, GroupPerformance, Bottleneck } from './performance/performance.js'
export { slaBreaches, type SlaLimit, type SlaReport } from './performance/sla.js'
export { repeatedActivities, type RepeatReport } from './rework/repeats.js'
export { correctionLoops, type CorrectionReport } from './rework/corrections.js'
export { redundantReviews, type RedundantReviewCandidate } from './rework/redundant-reviews.js'
/** The analyses a CLI run or a job asks for, in one call. */
export { analyseLog, type AnalysisReport, type AnalysisRequest } from './analysis.js'
/** `tongban mine FILE …` */
export { mineCommand, MINE_USAGE } from './cli/mine-cli.js'
/** Mining (Inductive Miner, process trees, BPMN) and conformance (token replay). */
export * from './mining/index.js'
export * from './conformance/index.js'

/** The stored half: uploaded logs, analyses as durable jobs (ANALYSIS_JOB), the history export. */
export { createInsightModule, type InsightModule } from './insight.module.js'
export type { InsightDeps, InsightCatalog, InsightDepartments } from './insight.deps.js'
export { ANALYSIS_JOB } from './analysis.service.js'
/** INSIGHT_UPKEEP_JOB: the hourly job deleting uploaded logs past their retention. */
export { INSIGHT_UPKEEP_JOB } from './insight-upkeep.js'

import { createInsightTables } from './migrations/2026-12-04T0900-create-insight-tables.js'
/** This module's tables, in order. */
export const insightMigrations = [createInsightTables]
