import type { FieldError } from '../../../platform/errors.js'
import type { TimerAction } from './engine-events.js'
import { checkModel } from './model-check.js'
import { linkGraph } from './model-graph.js'
import { parseProcess } from './model-read.js'

export type { TimerAction } from './engine-events.js'

interface NodeBase {
  readonly id: string
  readonly name: string | null
  /** Flow ids, in document order of the sequence flows. */
  readonly incoming: readonly string[]
  readonly outgoing: readonly string[]
  /** The flow taken when no other outgoing flow's condition holds. */
  readonly defaultFlowId: string | null
}

export interface StartNode extends NodeBase {
  readonly kind: 'startEvent'
}

export interface EndNode extends NodeBase {
  readonly kind: 'endEvent'
}

/** `camunda:collection` (FEEL → list of staff ids) and optional `completionCondition` (FEEL). */
export interface MultiInstanceSpec {
  readonly sequential: boolean
  readonly collection: string
  readonly completionCondition: string | null
}

export interface UserTaskNode extends NodeBase {
  readonly kind: 'userTask'
  /** `camunda:candidateGroups`, e.g. 'dept_staff'. */
  readonly role: string | null
  /** `camunda:assignee`, a FEEL expression yielding a staff id; ignored for multi-instance. */
  readonly assignee: string | null
  /** `tongban:visibleFields`; null = every field visible. */
  readonly visibleFields: readonly string[] | null
  /** `tongban:editableFields`; empty = none editable. */
  readonly editableFields: readonly string[]
  readonly multiInstance: MultiInstanceSpec | null
  /** Ids of the boundary timer events attached to this task. */
  readonly timers: readonly string[]
}

export interface ServiceTaskNode extends NodeBase {
  readonly kind: 'serviceTask'
  readonly topic: string
  readonly inputs: Readonly<Record<string, string>>
}

export interface GatewayNode extends NodeBase {
  readonly kind: 'parallelGateway' | 'exclusiveGateway' | 'inclusiveGateway'
}

/**
 * A timer on a user task. `action` comes from `tongban:onTimeout`; without it an interrupting
 * timer ('interrupt') cancels the task and follows the event's outgoing flows, and a
 * non-interrupting one ('branch') starts an extra token on them while the task stays open.
 */
export interface BoundaryTimerNode extends NodeBase {
  readonly kind: 'boundaryEvent'
  readonly attachedTo: string
  /** ISO-8601 duration; days are working days (the context computes due times). */
  readonly duration: string
  readonly action: TimerAction
}

export type ProcessNode =
  StartNode | EndNode | UserTaskNode | ServiceTaskNode | GatewayNode | BoundaryTimerNode

export type NodeKind = ProcessNode['kind']

export interface SequenceFlow {
  readonly id: string
  readonly name: string | null
  readonly source: string
  readonly target: string
  /** FEEL condition; null = unconditional. */
  readonly condition: string | null
}

/** A compiled, immutable process: build once per definition and share between instances. */
export interface ProcessModel {
  readonly processId: string
  readonly name: string | null
  readonly startNodeId: string
  readonly nodes: ReadonlyMap<string, ProcessNode>
  readonly flows: ReadonlyMap<string, SequenceFlow>
  /** For each inclusive join: the nodes from which a token can still reach it. */
  readonly upstream: ReadonlyMap<string, ReadonlySet<string>>
  /** For each user task: the user tasks a token there may be returned to (退回). */
  readonly returnTargets: ReadonlyMap<string, ReadonlySet<string>>
}

export type CompileResult = { ok: true; model: ProcessModel } | { ok: false; errors: FieldError[] }

/** Parses and checks BPMN 2.0 XML (Camunda conventions) into an executable model. */
export async function compileProcess(xml: string): Promise<CompileResult> {
  const parsed = await parseProcess(xml)
  if (!parsed.ok) return parsed
  const { draft } = parsed
  const errors = [...draft.errors, ...checkModel(draft)]
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, model: linkGraph(draft) }
}
