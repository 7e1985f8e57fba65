import type { ModelDraft, NodeFields } from './model-read.js'
import type { ProcessModel, ProcessNode, SequenceFlow } from './process-model.js'

export interface FlowLists {
  incoming: Map<string, string[]>
  outgoing: Map<string, string[]>
  /** Boundary event ids by the task they are attached to. */
  attached: Map<string, string[]>
}

type Graph = Pick<ModelDraft, 'nodes' | 'flows'>

export function flowLists(graph: Graph): FlowLists {
  const lists: FlowLists = { incoming: new Map(), outgoing: new Map(), attached: new Map() }
  const add = (map: Map<string, string[]>, key: string, value: string) =>
    map.set(key, [...(map.get(key) ?? []), value])
  for (const flow of graph.flows.values()) {
    add(lists.outgoing, flow.source, flow.id)
    add(lists.incoming, flow.target, flow.id)
  }
  for (const node of graph.nodes.values())
    if (node.kind === 'boundaryEvent') add(lists.attached, node.attachedTo, node.id)
  return lists
}

/** Nodes a token at `id` can move to next, including through the task's boundary events. */
export function successors(graph: Graph, lists: FlowLists, id: string): string[] {
  const targets = (lists.outgoing.get(id) ?? []).map((f) => graph.flows.get(f)?.target ?? '')
  return [...targets, ...(lists.attached.get(id) ?? [])]
}

function predecessors(graph: Graph, lists: FlowLists, node: NodeFields): string[] {
  const sources = (lists.incoming.get(node.id) ?? []).map((f) => graph.flows.get(f)?.source ?? '')
  return node.kind === 'boundaryEvent' ? [...sources, node.attachedTo] : sources
}

/** Links flows to nodes, freezes everything and precomputes the reachability the engine needs. */
export function linkGraph(draft: ModelDraft): ProcessModel {
  const lists = flowLists(draft)
  const nodes = new Map<string, ProcessNode>()
  for (const node of draft.nodes.values()) {
    const linked = {
      ...node,
      incoming: Object.freeze(lists.incoming.get(node.id) ?? []),
      outgoing: Object.freeze(lists.outgoing.get(node.id) ?? []),
      ...(node.kind === 'userTask'
        ? { timers: Object.freeze(lists.attached.get(node.id) ?? []) }
        : {}),
    } as ProcessNode
    nodes.set(node.id, Object.freeze(linked))
  }
  const flows = new Map<string, SequenceFlow>()
  for (const flow of draft.flows.values()) flows.set(flow.id, Object.freeze({ ...flow }))
  const start = [...nodes.values()].find((n) => n.kind === 'startEvent')
  const upstream = new Map<string, ReadonlySet<string>>()
  const returnTargets = new Map<string, ReadonlySet<string>>()
  for (const node of nodes.values()) {
    if (node.kind === 'inclusiveGateway' && node.incoming.length > 1)
      upstream.set(node.id, ancestors(draft, lists, node.id))
    if (node.kind === 'userTask')
      returnTargets.set(node.id, safeReturns(nodes, draft, lists, node.id))
  }
  return Object.freeze({
    processId: draft.processId,
    name: draft.name,
    startNodeId: start?.id ?? '',
    nodes,
    flows,
    upstream,
    returnTargets,
  })
}

function ancestors(graph: Graph, lists: FlowLists, id: string): Set<string> {
  const seen = new Set<string>()
  const stack = [id]
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    const node = graph.nodes.get(current)
    if (node === undefined) continue
    for (const pred of predecessors(graph, lists, node)) {
      if (seen.has(pred)) continue
      seen.add(pred)
      stack.push(pred)
    }
  }
  return seen
}

const isFork = (n: ProcessNode) => n.kind !== 'exclusiveGateway' && n.outgoing.length > 1
const isJoin = (n: ProcessNode) =>
  (n.kind === 'parallelGateway' || n.kind === 'inclusiveGateway') && n.incoming.length > 1

/**
 * User tasks a token at `id` may be sent back to: a path must lead from the target to `id`
 * without leaving a parallel block half-way. Walking back, `depth` counts the joins crossed
 * minus the forks; a fork crossed at depth 0 would leave sibling tokens behind, and a target
 * at depth > 0 sits inside a block whose join would wait for tokens already consumed.
 */
function safeReturns(
  nodes: ReadonlyMap<string, ProcessNode>,
  graph: Graph,
  lists: FlowLists,
  id: string,
): Set<string> {
  const targets = new Set<string>()
  const limit = [...nodes.values()].filter(isJoin).length
  const seen = new Set<string>()
  const stack: Array<[string, number]> = [[id, 0]]
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const here = graph.nodes.get(item[0])
    if (here === undefined) continue
    for (const pred of predecessors(graph, lists, here)) {
      const node = nodes.get(pred)
      if (node === undefined) continue
      let depth = item[1] - (isFork(node) ? 1 : 0)
      if (depth < 0) continue
      if (node.kind === 'userTask' && depth === 0 && pred !== id) targets.add(pred)
      depth += isJoin(node) ? 1 : 0
      const key = `${pred}\u0000${depth}`
      if (depth > limit || seen.has(key)) continue
      seen.add(key)
      stack.push([pred, depth])
    }
  }
  return targets
}
