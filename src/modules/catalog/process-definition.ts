import { BpmnModdle, type ModdleElement } from 'bpmn-moddle'
import type { FieldError } from '../../platform/errors.js'

export interface ProcessSummary {
  processId: string
  userTasks: Array<{ id: string; name: string; candidateGroups: string | null }>
  serviceTasks: string[]
  gateways: number
}

export type ProcessCheck =
  { ok: true; summary: ProcessSummary } | { ok: false; errors: FieldError[] }

const MAX_XML = 512 * 1024
const NODE_TYPES =
  /^bpmn:(StartEvent|EndEvent|UserTask|ServiceTask|Task|ScriptTask|ParallelGateway|ExclusiveGateway|InclusiveGateway|IntermediateCatchEvent|BoundaryEvent|SubProcess|CallActivity)$/

function problem(element: string, code: string, zh: string, en: string): FieldError {
  return { pointer: `/processXml#${element}`, code, message: { zh, en } }
}

/** Parses BPMN 2.0 XML with bpmn-moddle and checks what the engine needs to run it. */
export async function checkProcessDefinition(xml: string): Promise<ProcessCheck> {
  if (xml.length > MAX_XML)
    return {
      ok: false,
      errors: [problem('', 'too_large', 'BPMN 文件过大', 'The BPMN document is too large')],
    }
  let parsed
  try {
    parsed = await new BpmnModdle().fromXML(xml)
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : ''
    return {
      ok: false,
      errors: [
        problem(
          '',
          'unparsable',
          `BPMN 无法解析：${reason}`,
          `The BPMN cannot be parsed: ${reason}`,
        ),
      ],
    }
  }
  const errors: FieldError[] = parsed.warnings.map((w) =>
    problem(
      w.element?.id ?? '',
      'bpmn_warning',
      `BPMN 警告：${w.message}`,
      `BPMN warning: ${w.message}`,
    ),
  )
  const processes = ((parsed.rootElement.rootElements as ModdleElement[] | undefined) ?? []).filter(
    (e) => e.$type === 'bpmn:Process',
  )
  if (processes.length !== 1) {
    errors.push(
      problem(
        '',
        'process_count',
        '须恰好包含一个流程（process）',
        'Exactly one process is required',
      ),
    )
    return { ok: false, errors }
  }
  const process = processes[0] as ModdleElement
  const elements = (process.flowElements as ModdleElement[] | undefined) ?? []
  const nodes = new Map(
    elements.filter((e) => NODE_TYPES.test(e.$type)).map((e) => [e.id ?? '', e]),
  )
  const count = (type: string) => elements.filter((e) => e.$type === type).length
  if (count('bpmn:StartEvent') !== 1)
    errors.push(
      problem(
        process.id ?? '',
        'start_event',
        '须恰好有一个开始事件',
        'Exactly one start event is required',
      ),
    )
  if (count('bpmn:EndEvent') < 1)
    errors.push(
      problem(
        process.id ?? '',
        'end_event',
        '至少需要一个结束事件',
        'At least one end event is required',
      ),
    )
  for (const flow of elements.filter((e) => e.$type === 'bpmn:SequenceFlow')) {
    const source = (flow.sourceRef as ModdleElement | undefined)?.id
    const target = (flow.targetRef as ModdleElement | undefined)?.id
    if (!source || !nodes.has(source) || !target || !nodes.has(target)) {
      errors.push(
        problem(
          flow.id ?? '',
          'dangling_flow',
          '顺序流的起点或终点不存在',
          'The sequence flow has a missing source or target',
        ),
      )
    }
  }
  for (const e of elements.filter(
    (x) => x.$type !== 'bpmn:SequenceFlow' && !NODE_TYPES.test(x.$type),
  )) {
    errors.push(
      problem(
        e.id ?? '',
        'unsupported_element',
        `不支持的元素 ${e.$type}`,
        `Unsupported element ${e.$type}`,
      ),
    )
  }
  if (errors.length > 0) return { ok: false, errors }
  return {
    ok: true,
    summary: {
      processId: process.id ?? '',
      userTasks: elements
        .filter((e) => e.$type === 'bpmn:UserTask')
        .map((e) => ({
          id: e.id ?? '',
          name: e.name ?? '',
          candidateGroups: findAttr(e, 'candidateGroups'),
        })),
      serviceTasks: elements.filter((e) => e.$type === 'bpmn:ServiceTask').map((e) => e.id ?? ''),
      gateways: elements.filter((e) => e.$type.endsWith('Gateway')).length,
    },
  }
}

function findAttr(element: ModdleElement, local: string): string | null {
  const entry = Object.entries(element.$attrs ?? {}).find(
    ([key]) => key === local || key.endsWith(`:${local}`),
  )
  return entry?.[1] ?? null
}
