import { BpmnModdle, type ModdleElement } from 'bpmn-moddle'
import type { FieldError } from '../../../platform/errors.js'
import { modelError, problem, unsupported } from './model-messages.js'
import { attr, readBoundary, readUserTask, refId, textOf, type Base } from './model-read-nodes.js'
import type { ProcessNode, SequenceFlow } from './process-model.js'

/** A node before its flows are linked. */
export type NodeFields = ProcessNode extends infer N
  ? N extends ProcessNode
    ? Omit<N, 'incoming' | 'outgoing'>
    : never
  : never

/** What the reader found, before checks and linking; flows are in document order. */
export interface ModelDraft {
  processId: string
  name: string | null
  nodes: Map<string, NodeFields>
  flows: Map<string, SequenceFlow>
  /** Flow ids naming a source or target that is not a supported node. */
  danglingFlows: string[]
  errors: FieldError[]
}

type ParseResult = { ok: true; draft: ModelDraft } | { ok: false; errors: FieldError[] }

const MAX_XML = 512 * 1024

export async function parseProcess(xml: string): Promise<ParseResult> {
  if (xml.length > MAX_XML) return { ok: false, errors: [modelError('', 'too_large')] }
  let parsed
  try {
    parsed = await new BpmnModdle().fromXML(xml)
  } catch (error) {
    const reason = error instanceof Error ? firstLines(error.message) : ''
    const message = [`BPMN 无法解析：${reason}`, `The BPMN cannot be parsed: ${reason}`] as const
    return { ok: false, errors: [problem('', 'unparsable', ...message)] }
  }
  const errors = parsed.warnings.map((w) => {
    const text = firstLines(w.message)
    return problem(
      w.element?.id ?? '',
      'bpmn_warning',
      `BPMN 警告：${text}`,
      `BPMN warning: ${text}`,
    )
  })
  const roots = (parsed.rootElement.rootElements as ModdleElement[] | undefined) ?? []
  const processes = roots.filter((e) => e.$type === 'bpmn:Process')
  const process = processes[0]
  if (processes.length !== 1 || process === undefined) {
    const error = modelError('', 'process_count')
    return { ok: false, errors: [...errors, error] }
  }
  return { ok: true, draft: readProcess(process, errors) }
}

function readProcess(process: ModdleElement, errors: FieldError[]): ModelDraft {
  const draft: ModelDraft = {
    processId: process.id ?? '',
    name: process.name ?? null,
    nodes: new Map(),
    flows: new Map(),
    danglingFlows: [],
    errors,
  }
  const elements = (process.flowElements as ModdleElement[] | undefined) ?? []
  for (const element of elements) {
    if (element.$type !== 'bpmn:SequenceFlow') readNode(draft, element)
  }
  for (const element of elements) {
    if (element.$type === 'bpmn:SequenceFlow') readFlow(draft, element)
  }
  return draft
}

function readNode(draft: ModelDraft, e: ModdleElement): void {
  const id = e.id ?? ''
  const base = { id, name: e.name ?? null, defaultFlowId: refId(e.default) }
  const node = nodeOf(e, base, draft.errors)
  if (node !== null) draft.nodes.set(id, node)
}

function nodeOf(e: ModdleElement, base: Base, errors: FieldError[]): NodeFields | null {
  const events = (e.eventDefinitions as ModdleElement[] | undefined) ?? []
  if (e.loopCharacteristics !== undefined && e.$type !== 'bpmn:UserTask') {
    errors.push(unsupported(base.id, 'loop on ' + e.$type))
    return null
  }
  switch (e.$type) {
    case 'bpmn:StartEvent':
    case 'bpmn:EndEvent':
      if (events.length > 0) {
        errors.push(unsupported(base.id, events[0]?.$type ?? e.$type))
        return null
      }
      return { ...base, kind: e.$type === 'bpmn:StartEvent' ? 'startEvent' : 'endEvent' }
    case 'bpmn:UserTask':
      return readUserTask(e, base, errors)
    case 'bpmn:ServiceTask':
      return readServiceTask(e, base, errors)
    case 'bpmn:ParallelGateway':
      return { ...base, kind: 'parallelGateway' }
    case 'bpmn:ExclusiveGateway':
      return { ...base, kind: 'exclusiveGateway' }
    case 'bpmn:InclusiveGateway':
      return { ...base, kind: 'inclusiveGateway' }
    case 'bpmn:BoundaryEvent':
      return readBoundary(e, base, errors)
    default:
      errors.push(unsupported(base.id, e.$type))
      return null
  }
}

function readServiceTask(e: ModdleElement, base: Base, errors: FieldError[]): NodeFields | null {
  const topic = attr(e, 'topic')
  if (attr(e, 'type') !== 'external' || topic === null || topic.trim() === '') {
    errors.push(modelError(base.id, 'service_task_config'))
    return null
  }
  const inputs: Record<string, string> = {}
  const extensions = (e.extensionElements as ModdleElement | undefined)?.values
  for (const io of (extensions as ModdleElement[] | undefined) ?? []) {
    if (!io.$type.endsWith(':inputOutput')) continue
    for (const param of (io.$children as ModdleElement[] | undefined) ?? []) {
      if (!param.$type.endsWith(':inputParameter')) continue
      const name = typeof param.name === 'string' ? param.name : ''
      inputs[name] = textOf(param)
    }
  }
  return { ...base, kind: 'serviceTask', topic: topic.trim(), inputs }
}

function readFlow(draft: ModelDraft, e: ModdleElement): void {
  const id = e.id ?? ''
  const source = refId(e.sourceRef)
  const target = refId(e.targetRef)
  if (source === null || target === null || !draft.nodes.has(source) || !draft.nodes.has(target)) {
    draft.danglingFlows.push(id)
    return
  }
  const expression = e.conditionExpression as ModdleElement | undefined
  const condition = expression === undefined ? null : conditionOf(id, expression, draft.errors)
  draft.flows.set(id, { id, name: e.name ?? null, source, target, condition })
}

function conditionOf(id: string, expression: ModdleElement, errors: FieldError[]): string | null {
  const language = expression.language
  if (typeof language === 'string' && language.toLowerCase() !== 'feel') {
    const zh = `条件表达式须使用 FEEL，不支持 ${language}`
    errors.push(problem(id, 'condition_language', zh, `Conditions must be FEEL, not ${language}`))
  }
  const body = typeof expression.body === 'string' ? expression.body.trim() : ''
  return body === '' ? null : body
}

function firstLines(message: string): string {
  const lines = message.split('\n').map((l) => l.trim())
  const nested = lines.find((l) => l.startsWith('nested error:'))
  return [lines[0] ?? '', nested].filter(Boolean).join('; ')
}
