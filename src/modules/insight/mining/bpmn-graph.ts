import type { ProcessTree } from './process-tree.js'

export type BpmnNodeType =
  'startEvent' | 'endEvent' | 'userTask' | 'exclusiveGateway' | 'parallelGateway'

export interface GraphNode {
  readonly id: string
  readonly type: BpmnNodeType
  readonly name: string | null
}

export interface GraphFlow {
  readonly id: string
  readonly source: string
  readonly target: string
}

/** A BPMN process as nodes and flows, in creation order (loops' back flows come last in it). */
export interface ProcessGraph {
  readonly nodes: readonly GraphNode[]
  readonly flows: readonly GraphFlow[]
}

/**
 * Block-structured translation of a process tree: an activity is a user task, τ a plain flow,
 * × and ∧ a split/join pair of exclusive/parallel gateways, ↺ an exclusive join before the body
 * and an exclusive split after it whose redo branches lead back to the join.
 */
export function treeToProcessGraph(tree: ProcessTree): ProcessGraph {
  const nodes: GraphNode[] = []
  const flows: GraphFlow[] = []
  const counters = { Activity: 0, Gateway: 0, Flow: 0 }
  const add = (type: BpmnNodeType, name: string | null = null): string => {
    const prefix = type === 'userTask' ? 'Activity' : 'Gateway'
    const id = type.endsWith('Event')
      ? `${type === 'startEvent' ? 'Start' : 'End'}Event_1`
      : `${prefix}_${++counters[prefix]}`
    nodes.push({ id, type, name })
    return id
  }
  const connect = (source: string, target: string): void => {
    if (flows.some((f) => f.source === source && f.target === target)) return
    flows.push({ id: `Flow_${++counters.Flow}`, source, target })
  }
  const block = (type: BpmnNodeType, from: string, children: readonly ProcessTree[]) => {
    const split = add(type)
    connect(from, split)
    const ends = children.map((c) => emit(c, split))
    const join = add(type)
    for (const end of ends) connect(end, join)
    return join
  }
  const emit = (node: ProcessTree, from: string): string => {
    switch (node.kind) {
      case 'activity': {
        const task = add('userTask', node.label)
        connect(from, task)
        return task
      }
      case 'tau':
        return from
      case 'sequence':
        return node.children.reduce((at, child) => emit(child, at), from)
      case 'xor':
        return block('exclusiveGateway', from, node.children)
      case 'parallel':
        return block('parallelGateway', from, node.children)
      case 'loop': {
        const [body, ...redo] = node.children
        const head = add('exclusiveGateway')
        connect(from, head)
        const bodyEnd = emit(body!, head)
        const tail = add('exclusiveGateway')
        connect(bodyEnd, tail)
        for (const r of redo) connect(emit(r, tail), head)
        return tail
      }
    }
  }
  const start = add('startEvent', null)
  const last = emit(tree, start)
  connect(last, add('endEvent', null))
  return { nodes, flows }
}
