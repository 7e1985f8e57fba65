import { BpmnModdle, type ModdleElement } from 'bpmn-moddle'
import type { ProcessGraph } from './bpmn-graph.js'
import type { Layout } from './bpmn-layout.js'

export interface ProcessNaming {
  /** An XML NCName. */
  readonly processId: string
  readonly name: string
}

/** Builds the process and its diagram (BPMN DI) as bpmn-moddle elements and serialises them. */
export async function writeBpmn(
  graph: ProcessGraph,
  layout: Layout,
  naming: ProcessNaming,
): Promise<string> {
  const moddle = new BpmnModdle()
  const elements = new Map<string, ModdleElement>()
  for (const node of graph.nodes) {
    const props: Record<string, unknown> = { id: node.id }
    if (node.name !== null) props.name = node.name
    elements.set(node.id, moddle.create(`bpmn:${capitalise(node.type)}`, props))
  }
  const flows = graph.flows.map((f) => {
    const source = elements.get(f.source)!
    const target = elements.get(f.target)!
    const flow = moddle.create('bpmn:SequenceFlow', {
      id: f.id,
      sourceRef: source,
      targetRef: target,
    })
    listOf(source, 'outgoing').push(flow)
    listOf(target, 'incoming').push(flow)
    return flow
  })
  const process = moddle.create('bpmn:Process', {
    id: naming.processId,
    name: naming.name,
    isExecutable: true,
    flowElements: [...elements.values(), ...flows],
  })
  const shapes = graph.nodes.map((node) => {
    const b = layout.shapes.get(node.id)!
    const props: Record<string, unknown> = {
      id: `${node.id}_di`,
      bpmnElement: elements.get(node.id),
      bounds: moddle.create('dc:Bounds', { x: b.x, y: b.y, width: b.width, height: b.height }),
    }
    if (node.type === 'exclusiveGateway') props.isMarkerVisible = true
    return moddle.create('bpmndi:BPMNShape', props)
  })
  const edges = graph.flows.map((f, i) =>
    moddle.create('bpmndi:BPMNEdge', {
      id: `${f.id}_di`,
      bpmnElement: flows[i],
      waypoint: (layout.edges.get(f.id) ?? []).map((p) => moddle.create('dc:Point', { ...p })),
    }),
  )
  const plane = moddle.create('bpmndi:BPMNPlane', {
    id: `${naming.processId}_plane`,
    bpmnElement: process,
    planeElement: [...shapes, ...edges],
  })
  const definitions = moddle.create('bpmn:Definitions', {
    id: `${naming.processId}_definitions`,
    targetNamespace: 'urn:tongban:insight',
    exporter: 'tongban insight',
    exporterVersion: '1',
    rootElements: [process],
    diagrams: [moddle.create('bpmndi:BPMNDiagram', { id: `${naming.processId}_diagram`, plane })],
  })
  const { xml } = await moddle.toXML(definitions, { format: true })
  return xml
}

/** A moddle element's list property (created on first access). */
function listOf(element: ModdleElement, property: string): ModdleElement[] {
  const get = element.get as (name: string) => ModdleElement[]
  return get.call(element, property)
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
