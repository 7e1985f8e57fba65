import { BpmnModdle, type ModdleElement } from 'bpmn-moddle'
import type { FieldError } from '../../../platform/errors.js'
import { bpmnProblem } from './bpmn-messages.js'

export type BpmnNodeKind =
  'start' | 'end' | 'task' | 'exclusive' | 'parallel' | 'inclusive' | 'boundary'

export interface BpmnNode {
  readonly id: string
  readonly kind: BpmnNodeKind
  /** What the log calls it: a task's name, else its id. */
  readonly label: string
  /** A task with loop or multi-instance characteristics may occur several times in a row. */
  readonly repeatable: boolean
  /** Boundary events: the task they sit on, and whether they cancel it. */
  readonly attachedTo: string | null
  readonly interrupting: boolean
  readonly incoming: string[]
  readonly outgoing: string[]
}

export interface BpmnFlow {
  readonly id: string
  readonly source: string
  readonly target: string
  readonly conditional: boolean
}

/** The control flow of a BPMN process, as replay and comparison need it. */
export interface BpmnGraph {
  readonly processId: string
  readonly nodes: ReadonlyMap<string, BpmnNode>
  readonly flows: ReadonlyMap<string, BpmnFlow>
}

export type BpmnReadResult = { ok: true; graph: BpmnGraph } | { ok: false; errors: FieldError[] }

const TASKS = new Set([
  'bpmn:Task',
  'bpmn:UserTask',
  'bpmn:ServiceTask',
  'bpmn:ManualTask',
  'bpmn:ScriptTask',
  'bpmn:SendTask',
  'bpmn:ReceiveTask',
  'bpmn:BusinessRuleTask',
])
const GATEWAYS: Record<string, BpmnNodeKind> = {
  'bpmn:ExclusiveGateway': 'exclusive',
  'bpmn:ParallelGateway': 'parallel',
  'bpmn:InclusiveGateway': 'inclusive',
}
/** Data, not control flow. */
const IGNORED = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference'])

/**
 * Parses BPMN 2.0 XML with bpmn-moddle: start and end events without event definitions, tasks of
 * every type, exclusive, parallel and inclusive gateways and boundary timers on tasks — what the
 * approval engine runs, plus the plain task types other tools export. Anything else is reported
 * with its element id; parser warnings too.
 */
export async function readBpmn(xml: string): Promise<BpmnReadResult> {
  let parsed
  try {
    parsed = await new BpmnModdle().fromXML(xml)
  } catch (error) {
    const reason = error instanceof Error ? firstLines(error.message) : ''
    return { ok: false, errors: [bpmnProblem('', 'unparsable', reason)] }
  }
  const errors = parsed.warnings.map((w) =>
    bpmnProblem(w.element?.id ?? '', 'bpmn_warning', firstLines(w.message)),
  )
  const roots = (parsed.rootElement.rootElements as ModdleElement[] | undefined) ?? []
  const processes = roots.filter((e) => e.$type === 'bpmn:Process' && elementsOf(e).length > 0)
  if (processes.length !== 1)
    return { ok: false, errors: [...errors, bpmnProblem('', 'process_count')] }
  const graph = readProcess(processes[0]!, errors)
  if (![...graph.nodes.values()].some((n) => n.kind === 'start')) {
    errors.push(bpmnProblem(graph.processId, 'start_event'))
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, graph }
}

function elementsOf(process: ModdleElement): ModdleElement[] {
  return (process.flowElements as ModdleElement[] | undefined) ?? []
}

function readProcess(process: ModdleElement, errors: FieldError[]): BpmnGraph {
  const nodes = new Map<string, BpmnNode>()
  const flows = new Map<string, BpmnFlow>()
  const elements = elementsOf(process)
  for (const e of elements) {
    if (e.$type === 'bpmn:SequenceFlow' || IGNORED.has(e.$type)) continue
    const node = nodeOf(e, errors)
    if (node) nodes.set(node.id, node)
  }
  for (const e of elements.filter((x) => x.$type === 'bpmn:SequenceFlow')) {
    const id = e.id ?? ''
    const source = refId(e.sourceRef)
    const target = refId(e.targetRef)
    const from = source === null ? undefined : nodes.get(source)
    const to = target === null ? undefined : nodes.get(target)
    if (!from || !to) {
      errors.push(bpmnProblem(id, 'dangling_flow'))
      continue
    }
    flows.set(id, {
      id,
      source: from.id,
      target: to.id,
      conditional: e.conditionExpression !== undefined,
    })
    from.outgoing.push(id)
    to.incoming.push(id)
  }
  for (const node of nodes.values()) {
    if (node.kind === 'boundary' && nodes.get(node.attachedTo ?? '')?.kind !== 'task') {
      errors.push(bpmnProblem(node.id, 'boundary_attachment'))
    }
  }
  return { processId: process.id ?? '', nodes, flows }
}

function nodeOf(e: ModdleElement, errors: FieldError[]): BpmnNode | null {
  const id = e.id ?? ''
  const definitions = (e.eventDefinitions as ModdleElement[] | undefined) ?? []
  const base = {
    id,
    label: id,
    repeatable: false,
    attachedTo: null,
    interrupting: true,
    incoming: [],
    outgoing: [],
  }
  const gateway = GATEWAYS[e.$type]
  if (gateway) return { ...base, kind: gateway }
  if (TASKS.has(e.$type)) {
    const name = typeof e.name === 'string' ? e.name.trim() : ''
    const repeatable = e.loopCharacteristics !== undefined
    return { ...base, kind: 'task', label: name === '' ? id : name, repeatable }
  }
  const isEvent = e.$type === 'bpmn:StartEvent' || e.$type === 'bpmn:EndEvent'
  if (isEvent && definitions.length === 0) {
    return { ...base, kind: e.$type === 'bpmn:StartEvent' ? 'start' : 'end' }
  }
  if (e.$type === 'bpmn:BoundaryEvent' && definitions[0]?.$type === 'bpmn:TimerEventDefinition') {
    const attachedTo = refId(e.attachedToRef)
    return { ...base, kind: 'boundary', attachedTo, interrupting: e.cancelActivity !== false }
  }
  const what = definitions[0] ? `${e.$type} (${definitions[0].$type})` : e.$type
  errors.push(bpmnProblem(id, 'unsupported_element', what))
  return null
}

function refId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null
  return typeof value.id === 'string' ? value.id : null
}

/** A moddle message's first line and its nested error, without the line/column lines. */
function firstLines(message: string): string {
  const lines = message.split('\n').map((l) => l.trim())
  const nested = lines.find((l) => l.startsWith('nested error:'))
  return [lines[0] ?? '', nested].filter(Boolean).join('; ')
}
