import type { FieldError } from '../../../platform/errors.js'
import { parseFeelExpression } from '../../../platform/feel/index.js'
import { flowLists, successors, type FlowLists } from './model-graph.js'
import { modelError, problem, type ModelErrorCode } from './model-messages.js'
import type { ModelDraft, NodeFields } from './model-read.js'

/** Structural checks on a read process; an empty list means it can run. */
export function checkModel(draft: ModelDraft): FieldError[] {
  const lists = flowLists(draft)
  const errors = draft.danglingFlows.map((id) => modelError(id, 'dangling_flow'))
  const kinds = [...draft.nodes.values()].map((n) => n.kind)
  if (kinds.filter((k) => k === 'startEvent').length !== 1)
    errors.push(modelError(draft.processId, 'start_event'))
  if (!kinds.includes('endEvent')) errors.push(modelError(draft.processId, 'end_event'))
  for (const node of draft.nodes.values())
    errors.push(...nodeProblems(draft, node, lists).map((code) => modelError(node.id, code)))
  errors.push(...checkFeel(draft))
  if (errors.length === 0) errors.push(...unreachable(draft, lists), ...taskless(draft, lists))
  return errors
}

function nodeProblems(draft: ModelDraft, node: NodeFields, lists: FlowLists): ModelErrorCode[] {
  const incoming = lists.incoming.get(node.id) ?? []
  const outgoing = lists.outgoing.get(node.id) ?? []
  const isEvent = node.kind === 'startEvent' || node.kind === 'boundaryEvent'
  const noticeOnly = node.kind === 'boundaryEvent' && !['interrupt', 'branch'].includes(node.action)
  const problems: Array<[boolean, ModelErrorCode]> = [
    [isEvent && incoming.length > 0, 'unexpected_incoming'],
    [node.kind === 'endEvent' && outgoing.length > 0, 'end_outgoing'],
    [noticeOnly && outgoing.length > 0, 'boundary_outgoing'],
    [node.kind !== 'endEvent' && !noticeOnly && outgoing.length === 0, 'missing_outgoing'],
    [
      node.kind === 'boundaryEvent' && draft.nodes.get(node.attachedTo)?.kind !== 'userTask',
      'boundary_attachment',
    ],
    [node.defaultFlowId !== null && !outgoing.includes(node.defaultFlowId), 'default_flow'],
    [
      node.kind === 'parallelGateway' && outgoing.some((id) => draft.flows.get(id)?.condition),
      'condition_ignored',
    ],
  ]
  return problems.filter(([broken]) => broken).map(([, code]) => code)
}

function checkFeel(draft: ModelDraft): FieldError[] {
  const errors: FieldError[] = []
  const check = (id: string, what: [zh: string, en: string], source: string | null) => {
    if (source === null) return
    const parsed = parseFeelExpression(source)
    if (parsed.ok) return
    const { line, column } = parsed.error.position
    const zh = `${what[0]}的 FEEL 语法错误（第 ${line} 行第 ${column} 列）：${parsed.error.message.zh}`
    const en = `FEEL syntax error in ${what[1]} at line ${line}, column ${column}: ${parsed.error.message.en}`
    errors.push(problem(id, 'feel_syntax', zh, en))
  }
  for (const flow of draft.flows.values()) check(flow.id, ['条件', 'the condition'], flow.condition)
  for (const node of draft.nodes.values()) {
    if (node.kind !== 'userTask') continue
    const mi = node.multiInstance
    check(node.id, ['办理人', 'camunda:assignee'], node.assignee)
    check(node.id, ['会签人员', 'camunda:collection'], mi?.collection ?? null)
    check(node.id, ['完成条件', 'the completion condition'], mi?.completionCondition ?? null)
  }
  return errors
}

function unreachable(draft: ModelDraft, lists: FlowLists): FieldError[] {
  const start = [...draft.nodes.values()].find((n) => n.kind === 'startEvent')
  const seen = new Set<string>(start === undefined ? [] : [start.id])
  const queue = [...seen]
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const next of successors(draft, lists, id)) {
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  return [...draft.nodes.keys()]
    .filter((id) => !seen.has(id))
    .map((id) => modelError(id, 'unreachable'))
}

/** A cycle through gateways and events only would never wait, so a token would spin forever. */
function taskless(draft: ModelDraft, lists: FlowLists): FieldError[] {
  const waits = (id: string) => {
    const kind = draft.nodes.get(id)?.kind
    return kind === 'userTask' || kind === 'serviceTask'
  }
  const state = new Map<string, 'open' | 'done'>()
  const visit = (id: string): string | null => {
    state.set(id, 'open')
    for (const next of successors(draft, lists, id)) {
      if (waits(next) || state.get(next) === 'done') continue
      if (state.get(next) === 'open') return next
      const found = visit(next)
      if (found !== null) return found
    }
    state.set(id, 'done')
    return null
  }
  for (const id of draft.nodes.keys()) {
    if (waits(id) || state.has(id)) continue
    const found = visit(id)
    if (found !== null) return [modelError(found, 'loop_without_task')]
  }
  return []
}
