/**
 * Builds small, valid BPMN 2.0 XML documents (with BPMNDI layout) for department processes:
 * start → user-task stages (some in parallel) → decision gateway → [service task] → end.
 *
 * Conventions read by the workflow engine:
 * - a user task's role is `camunda:candidateGroups` (e.g. 'dept_staff'); a multi-instance task
 *   (会签) lists its signers in `camunda:collection`, and `tongban:editableFields` names what a
 *   step may set;
 * - the last stage completes with a boolean `approved` variable; the gateway's approved flow
 *   has the FEEL condition `approved = true`, the rejected flow is the gateway's default;
 * - a service task is an external task (`camunda:type="external"`) with a `camunda:topic`; for
 *   licence issuing the topic is 'issue-licence' and the input parameter `licenceType` names
 *   the electronic licence to issue.
 */
import type { DepartmentRole } from '../../identity/demo/index.js'

export interface UserTaskSpec {
  id: string
  name: string
  role: DepartmentRole
  /** 会签 / 或签: one task per staff id of the FEEL list `collection` (e.g. a variable). */
  multiInstance?: MultiInstanceSpec
  /** JSON pointers (the form, or variables such as `/inspectors`) the step may set. */
  editableFields?: readonly string[]
  /** What staff do at this step (`bpmn:documentation`), e.g. a special procedure they run. */
  documentation?: string
}

/** Without a completion condition every signer must approve (会签 of all). */
export interface MultiInstanceSpec {
  collection: string
  sequential?: boolean
  completionCondition?: string
}

export interface ParallelStageSpec {
  id: string
  parallel: readonly UserTaskSpec[]
}

export type StageSpec = UserTaskSpec | ParallelStageSpec

export interface ServiceTaskSpec {
  id: string
  name: string
  topic: string
  licenceType?: string
}

export interface ProcessSpec {
  /** XML NCName suffix, e.g. 'company_registration' → process id 'Process_company_registration'. */
  id: string
  name: string
  stages: readonly StageSpec[]
  onApproval?: ServiceTaskSpec
}

export const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL'
export const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn'
export const TONGBAN_NS = 'urn:tongban:bpmn'

type NodeKind =
  'startEvent' | 'endEvent' | 'userTask' | 'serviceTask' | 'parallelGateway' | 'exclusiveGateway'

interface LaidOutNode {
  id: string
  kind: NodeKind
  name: string
  attrs: Record<string, string>
  /** Children before the flow references (documentation, extension elements) and after them. */
  extension: string
  tail: string
  x: number
  y: number
  w: number
  h: number
}

interface Flow {
  id: string
  source: LaidOutNode
  target: LaidOutNode
  name?: string
  condition?: string
}

const SIZE: Record<NodeKind, readonly [number, number]> = {
  startEvent: [36, 36],
  endEvent: [36, 36],
  userTask: [100, 80],
  serviceTask: [100, 80],
  parallelGateway: [50, 50],
  exclusiveGateway: [50, 50],
}
const MID = 160
const GAP = 50
const BRANCH_SPACING = 120

function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

function isParallel(stage: StageSpec): stage is ParallelStageSpec {
  return 'parallel' in stage
}

const cx = (n: LaidOutNode): number => n.x + n.w / 2
const cy = (n: LaidOutNode): number => n.y + n.h / 2

function waypoints(flow: Flow): [number, number][] {
  const { source: s, target: t } = flow
  if (cy(s) === cy(t))
    return [
      [s.x + s.w, cy(s)],
      [t.x, cy(t)],
    ]
  const down = cy(t) > cy(s)
  if (cx(s) === cx(t))
    return [
      [cx(s), down ? s.y + s.h : s.y],
      [cx(t), down ? t.y : t.y + t.h],
    ]
  if (s.kind.endsWith('Gateway')) {
    return [
      [cx(s), down ? s.y + s.h : s.y],
      [cx(s), cy(t)],
      [t.x, cy(t)],
    ]
  }
  return [
    [s.x + s.w, cy(s)],
    [cx(t), cy(s)],
    [cx(t), down ? t.y : t.y + t.h],
  ]
}

function loopXml(mi: MultiInstanceSpec): string {
  const sequential = mi.sequential ? ' isSequential="true"' : ''
  const condition = mi.completionCondition
    ? `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${escapeXml(mi.completionCondition)}</bpmn:completionCondition>`
    : ''
  return `<bpmn:multiInstanceLoopCharacteristics${sequential} camunda:collection="${escapeXml(mi.collection)}"${condition ? `>${condition}</bpmn:multiInstanceLoopCharacteristics>` : ' />'}`
}

export function buildProcessXml(spec: ProcessSpec): string {
  const nodes: LaidOutNode[] = []
  const flows: Flow[] = []
  let cursor = 160

  const place = (
    id: string,
    kind: NodeKind,
    name: string,
    centreY = MID,
    attrs: Record<string, string> = {},
    extension = '',
    tail = '',
  ): LaidOutNode => {
    const [w, h] = SIZE[kind]
    const node: LaidOutNode = {
      id,
      kind,
      name,
      attrs,
      extension,
      tail,
      x: cursor,
      y: centreY - h / 2,
      w,
      h,
    }
    nodes.push(node)
    return node
  }
  const advance = (node: LaidOutNode): void => {
    cursor = node.x + node.w + GAP
  }
  const connect = (source: LaidOutNode, target: LaidOutNode, extra: Partial<Flow> = {}): Flow => {
    const flow: Flow = { id: `Flow_${source.id}_${target.id}`, source, target, ...extra }
    flows.push(flow)
    return flow
  }
  const userTask = (task: UserTaskSpec, centreY = MID): LaidOutNode => {
    const attrs: Record<string, string> = { 'camunda:candidateGroups': task.role }
    if (task.editableFields) attrs['tongban:editableFields'] = task.editableFields.join(',')
    const head = task.documentation
      ? `<bpmn:documentation>${escapeXml(task.documentation)}</bpmn:documentation>`
      : ''
    const tail = task.multiInstance ? loopXml(task.multiInstance) : ''
    return place(task.id, 'userTask', task.name, centreY, attrs, head, tail)
  }

  const start = place('start', 'startEvent', '申请提交')
  advance(start)
  let previous: LaidOutNode = start
  for (const stage of spec.stages) {
    if (!isParallel(stage)) {
      const node = userTask(stage)
      advance(node)
      connect(previous, node)
      previous = node
      continue
    }
    const split = place(`${stage.id}_split`, 'parallelGateway', '')
    advance(split)
    connect(previous, split)
    const branches = stage.parallel.map((task, i) =>
      userTask(task, MID + (i - (stage.parallel.length - 1) / 2) * BRANCH_SPACING),
    )
    const widest = branches.reduce((max, b) => Math.max(max, b.x + b.w), cursor)
    cursor = widest + GAP
    const join = place(`${stage.id}_join`, 'parallelGateway', '')
    advance(join)
    for (const branch of branches) {
      connect(split, branch)
      connect(branch, join)
    }
    previous = join
  }

  const decision = place('decision', 'exclusiveGateway', '是否准予')
  advance(decision)
  connect(previous, decision)
  const rejectedEnd: LaidOutNode = {
    ...place('end_rejected', 'endEvent', '不予办理'),
    x: cx(decision) - SIZE.endEvent[0] / 2,
    y: MID + 110,
  }
  nodes[nodes.length - 1] = rejectedEnd
  const rejected = connect(decision, rejectedEnd, { name: '不予' })
  decision.attrs.default = rejected.id

  let approvedTarget: LaidOutNode
  if (spec.onApproval) {
    const task = spec.onApproval
    const extension = task.licenceType
      ? `<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="licenceType">${escapeXml(task.licenceType)}</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>`
      : ''
    const service = place(
      task.id,
      'serviceTask',
      task.name,
      MID,
      { 'camunda:type': 'external', 'camunda:topic': task.topic },
      extension,
    )
    advance(service)
    approvedTarget = service
  } else {
    approvedTarget = place('end_approved', 'endEvent', '办结')
    advance(approvedTarget)
  }
  connect(decision, approvedTarget, { name: '准予', condition: 'approved = true' })
  if (spec.onApproval) {
    const end = place('end_approved', 'endEvent', '办结')
    advance(end)
    connect(approvedTarget, end)
  }

  const processId = `Process_${spec.id}`
  const elementXml = nodes.map((n) => {
    const attrs = Object.entries(n.attrs)
      .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
      .join('')
    const name = n.name ? ` name="${escapeXml(n.name)}"` : ''
    const refs = [
      ...flows.filter((f) => f.target === n).map((f) => `<bpmn:incoming>${f.id}</bpmn:incoming>`),
      ...flows.filter((f) => f.source === n).map((f) => `<bpmn:outgoing>${f.id}</bpmn:outgoing>`),
    ]
    return `    <bpmn:${n.kind} id="${n.id}"${name}${attrs}>${n.extension}${refs.join('')}${n.tail}</bpmn:${n.kind}>`
  })
  const flowXml = flows.map((f) => {
    const name = f.name ? ` name="${escapeXml(f.name)}"` : ''
    const head = `    <bpmn:sequenceFlow id="${f.id}"${name} sourceRef="${f.source.id}" targetRef="${f.target.id}"`
    if (!f.condition) return `${head} />`
    return `${head}><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="feel">${escapeXml(f.condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>`
  })
  const shapeXml = nodes.map((n) => {
    const marker = n.kind === 'exclusiveGateway' ? ' isMarkerVisible="true"' : ''
    return `      <bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"${marker}><dc:Bounds x="${n.x}" y="${n.y}" width="${n.w}" height="${n.h}" /></bpmndi:BPMNShape>`
  })
  const edgeXml = flows.map((f) => {
    const points = waypoints(f)
      .map(([x, y]) => `<di:waypoint x="${Math.round(x)}" y="${Math.round(y)}" />`)
      .join('')
    return `      <bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}">${points}</bpmndi:BPMNEdge>`
  })

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<bpmn:definitions xmlns:bpmn="${BPMN_NS}" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:camunda="${CAMUNDA_NS}" xmlns:tongban="${TONGBAN_NS}" id="Definitions_${spec.id}" targetNamespace="urn:tongban:process" exporter="tongban demo" exporterVersion="1">`,
    `  <bpmn:process id="${processId}" name="${escapeXml(spec.name)}" isExecutable="true">`,
    ...elementXml,
    ...flowXml,
    '  </bpmn:process>',
    `  <bpmndi:BPMNDiagram id="Diagram_${spec.id}">`,
    `    <bpmndi:BPMNPlane id="Plane_${spec.id}" bpmnElement="${processId}">`,
    ...shapeXml,
    ...edgeXml,
    '    </bpmndi:BPMNPlane>',
    '  </bpmndi:BPMNDiagram>',
    '</bpmn:definitions>',
    '',
  ].join('\n')
}
