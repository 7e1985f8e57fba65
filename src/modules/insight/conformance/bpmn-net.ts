import type { FieldError } from '../../../platform/errors.js'
import { NetBuilder, type PetriNet } from './petri-net.js'
import { readBpmn, type BpmnGraph, type BpmnNode } from './read-bpmn.js'

export type NetResult = { ok: true; net: PetriNet } | { ok: false; errors: FieldError[] }

/** Parses BPMN XML and converts its process into a Petri net for replay. */
export async function bpmnToPetriNet(xml: string): Promise<NetResult> {
  const read = await readBpmn(xml)
  return read.ok ? graphToPetriNet(read.graph) : read
}

/**
 * One place per sequence flow. Tasks are visible transitions labelled with their name; gateways
 * and events are invisible ones: a parallel gateway one transition taking every incoming flow,
 * an exclusive gateway one per incoming and one per outgoing flow. An inclusive split marks all
 * its flows and each may be dropped unused (an invisible transition consuming it): replay then
 * need not guess the branches before it sees them; the inclusive join waits while a token could
 * still arrive, so one of them must have run. A task with several incoming flows takes any one
 * of them (BPMN's implicit join) and its conditional outgoing flows are optional like an
 * inclusive split's; a repeatable (loop or multi-instance) task may fire again before moving on.
 */
export function graphToPetriNet(graph: BpmnGraph): NetResult {
  const net = new NetBuilder()
  const source = net.place('source')
  const sink = net.place('sink')
  const placeOf = new Map([...graph.flows.keys()].map((id) => [id, net.place(id)]))
  const places = (flows: readonly string[]) => flows.map((f) => placeOf.get(f)!)
  const entries = new Map<string, number>()

  const join = (node: BpmnNode): number => {
    if (node.incoming.length === 0) return source
    if (node.incoming.length === 1) return placeOf.get(node.incoming[0]!)!
    const entry = net.place(`${node.id}>`)
    for (const p of places(node.incoming)) net.transition(node.id, null, [p], [entry])
    return entry
  }
  const outputs = (node: BpmnNode) => (node.outgoing.length === 0 ? [sink] : places(node.outgoing))
  const optional = (node: BpmnNode, flows: readonly string[]) => {
    for (const p of places(flows)) net.transition(node.id, null, [p], [])
  }

  for (const node of graph.nodes.values()) {
    switch (node.kind) {
      case 'start':
        net.transition(node.id, null, [source], outputs(node))
        break
      case 'end':
        net.transition(node.id, null, [join(node)], [sink])
        break
      case 'exclusive': {
        const entry = join(node)
        for (const out of outputs(node)) net.transition(node.id, null, [entry], [out])
        break
      }
      case 'parallel': {
        const inputs = node.incoming.length === 0 ? [source] : places(node.incoming)
        net.transition(node.id, null, inputs, outputs(node))
        break
      }
      case 'inclusive': {
        let entry = join(node)
        if (node.incoming.length > 1) {
          entry = net.place(`${node.id}>`)
          net.orJoin(node.id, places(node.incoming), entry)
        }
        net.transition(node.id, null, [entry], outputs(node))
        if (node.outgoing.length > 1) optional(node, node.outgoing)
        break
      }
      case 'task': {
        const entry = join(node)
        entries.set(node.id, entry)
        let from = entry
        if (node.repeatable) {
          from = net.place(`${node.id}✓`)
          net.transition(node.id, node.label, [entry], [from])
          net.transition(node.id, null, [from], [entry])
        }
        net.transition(node.id, node.repeatable ? null : node.label, [from], outputs(node))
        optional(
          node,
          node.outgoing.filter((f) => graph.flows.get(f)!.conditional),
        )
        break
      }
      case 'boundary':
        break
    }
  }
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'boundary' || node.outgoing.length === 0) continue
    const entry = entries.get(node.attachedTo ?? '')
    if (entry === undefined) continue
    const keep = node.interrupting ? [] : [entry]
    net.transition(node.id, null, [entry], [...keep, ...places(node.outgoing)])
  }
  return { ok: true, net: net.build(source, sink) }
}
