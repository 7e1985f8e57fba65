import type { FieldError } from '../../../platform/errors.js'

/** Fixed compile errors: code → [zh, en]. Errors with details are built with `problem`. */
const MESSAGES = {
  dangling_flow: [
    '顺序流的起点或终点不存在或不受支持',
    'The flow has a missing or unsupported end',
  ],
  start_event: ['须恰好有一个开始事件', 'Exactly one start event is required'],
  end_event: ['至少需要一个结束事件', 'At least one end event is required'],
  unexpected_incoming: ['此事件不能有流入的顺序流', 'This event cannot have incoming flows'],
  end_outgoing: ['结束事件不能有流出的顺序流', 'An end event cannot have outgoing flows'],
  missing_outgoing: ['此节点没有流出的顺序流', 'This node has no outgoing flow'],
  boundary_outgoing: [
    '设置了 tongban:onTimeout 的定时器不能有流出的顺序流',
    'A timer with tongban:onTimeout cannot have outgoing flows',
  ],
  boundary_attachment: ['边界定时器须附着在用户任务上', 'A boundary timer must be on a user task'],
  default_flow: ['默认流须是此节点流出的顺序流', 'The default flow must leave this node'],
  condition_ignored: [
    '并行网关流出的顺序流不能带条件',
    'Flows leaving a parallel gateway cannot have conditions',
  ],
  loop_without_task: [
    '存在不经过任何任务的循环，流程会无限循环',
    'A loop passes no task, so a token would circle forever',
  ],
  unreachable: ['从开始事件无法到达此节点', 'This node cannot be reached from the start event'],
  service_task_config: [
    '服务任务须为外部任务（camunda:type="external"）并指定 camunda:topic',
    'A service task must be external (camunda:type="external") with a camunda:topic',
  ],
  collection_missing: [
    '多实例任务须以 camunda:collection 指定会签人员列表',
    'A multi-instance task needs camunda:collection (the list of signers)',
  ],
  timer_duration: [
    '边界定时器须有 ISO-8601 时长（timeDuration，如 P3D）',
    'A boundary timer needs an ISO-8601 timeDuration such as P3D',
  ],
  process_count: ['须恰好包含一个流程', 'Exactly one process is required'],
  too_large: ['BPMN 文件过大', 'The BPMN document is too large'],
} as const satisfies Record<string, readonly [string, string]>

export type ModelErrorCode = keyof typeof MESSAGES

export function problem(element: string, code: string, zh: string, en: string): FieldError {
  return { pointer: `/processXml#${element}`, code, message: { zh, en } }
}

export function modelError(element: string, code: ModelErrorCode): FieldError {
  const [zh, en] = MESSAGES[code]
  return problem(element, code, zh, en)
}

export function unsupported(element: string, what: string): FieldError {
  const zh = `不支持的元素 ${what}（${element}）`
  return problem(element, 'unsupported_element', zh, `Unsupported element ${what} (${element})`)
}
