import type { FieldError } from '../../../platform/errors.js'

/** Problems with a BPMN model given for replay or comparison, each naming its element. */
const MESSAGES = {
  unparsable: ['BPMN 无法解析', 'The BPMN cannot be parsed'],
  bpmn_warning: ['BPMN 警告', 'BPMN warning'],
  process_count: ['须恰好包含一个流程', 'Exactly one process is required'],
  start_event: ['至少需要一个开始事件', 'At least one start event is required'],
  unsupported_element: ['回放不支持此元素', 'Replay does not support this element'],
  dangling_flow: [
    '顺序流的起点或终点不存在或不受支持',
    'The flow has a missing or unsupported end',
  ],
  boundary_attachment: ['边界事件须附着在任务上', 'A boundary event must be attached to a task'],
} as const satisfies Record<string, readonly [string, string]>

export type BpmnProblemCode = keyof typeof MESSAGES

/** `detail` (an element type, a parser message) is appended to both languages. */
export function bpmnProblem(element: string, code: BpmnProblemCode, detail = ''): FieldError {
  const [zh, en] = MESSAGES[code]
  const suffix = detail === '' ? '' : `: ${detail}`
  return {
    pointer: `/model#${element}`,
    code,
    message: { zh: `${zh}${detail === '' ? '' : `：${detail}`}`, en: `${en}${suffix}` },
  }
}
