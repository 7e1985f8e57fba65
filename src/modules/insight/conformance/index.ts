/** Conformance: token-based replay of variants against BPMN or a process tree; model comparison. */

/** Replays variants against BPMN XML (unsupported elements come back by id) or a process tree. */
export { checkConformanceToBpmn, checkConformanceToTree } from './check-conformance.js'
export type { BpmnConformance } from './check-conformance.js'
/** The report: log fitness, per variant and per case, deviations, non-conforming cases. */
export { fitnessPerCase, replayVariants } from './replay-log.js'
export type { ConformanceReport, DeviationCount, VariantConformance } from './replay-log.js'
export type { Deviation } from './deviations.js'
/** Lower level: one trace, a prepared net, the conversions. */
export { replayTrace } from './token-replay.js'
export type { TraceReplay } from './token-replay.js'
export { compileReplayModel } from './replay-model.js'
export type { ReplayModel } from './replay-model.js'
export { bpmnToPetriNet } from './bpmn-net.js'
export { treeToPetriNet } from './tree-net.js'
export type { PetriNet } from './petri-net.js'
/** Activities and task-to-task relations only the discovered or only the deployed model has. */
export { compareBpmnModels } from './compare-models.js'
export type { ComparisonResult, ModelComparison, Relation } from './compare-models.js'
