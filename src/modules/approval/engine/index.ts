/** The pure core of the approval engine: compile BPMN once, fold events, advance by commands. */

/** Parses and checks BPMN 2.0 XML (Camunda conventions) into an immutable, shareable model. */
export { compileProcess } from './process-model.js'
export type {
  BoundaryTimerNode,
  CompileResult,
  EndNode,
  GatewayNode,
  MultiInstanceSpec,
  NodeKind,
  ProcessModel,
  ProcessNode,
  SequenceFlow,
  ServiceTaskNode,
  StartNode,
  UserTaskNode,
} from './process-model.js'

/** Rebuilds an instance's state from its event log (optionally continuing from a folded state). */
export { foldInstance, emptyInstanceState } from './instance-state.js'
export type {
  GroupEntry,
  GroupState,
  IncidentState,
  InstanceState,
  InstanceStatus,
  ServiceJobState,
  TaskState,
  TaskStatus,
  TimerState,
  TokenState,
} from './instance-state.js'

/** Applies one command to a folded state → the events to append, or a coded refusal. */
export { advance } from './advance.js'
export type { AdvanceOptions, AdvanceResult } from './advance.js'
export type { EngineContext } from './engine-draft.js'
export type { CommandOf, EngineCommand, EngineCommandType } from './engine-commands.js'
export type { EngineError, EngineErrorCode } from './engine-errors.js'

/** The event log contract, one flat JSON object per row, discriminated by `type`. */
export type * from './engine-events.js'

/** The completion-condition variables of a multi-instance task (for display). */
export { countersOf } from './multi-instance.js'
export type { MiCounters } from './multi-instance.js'
