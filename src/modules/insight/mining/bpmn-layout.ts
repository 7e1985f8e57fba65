import type { ElkNode } from 'elkjs/lib/elk-api.js'
import elkBundled from 'elkjs/lib/elk.bundled.js'
import type { BpmnNodeType, ProcessGraph } from './bpmn-graph.js'

// elkjs is CommonJS: Node gives a default import its module.exports (the constructor), while its
// typings declare an ES default export, which TypeScript then expects under `.default`.
const ELK = elkBundled as unknown as typeof elkBundled.default

export interface Bounds {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface Point {
  readonly x: number
  readonly y: number
}

export interface Layout {
  readonly shapes: ReadonlyMap<string, Bounds>
  readonly edges: ReadonlyMap<string, readonly Point[]>
}

const SIZE: Record<BpmnNodeType, readonly [number, number]> = {
  startEvent: [36, 36],
  endEvent: [36, 36],
  userTask: [100, 80],
  exclusiveGateway: [50, 50],
  parallelGateway: [50, 50],
}
/** Where the diagram starts on bpmn-js's canvas. */
const MARGIN = 100

/**
 * ELK's layered (Sugiyama) layout, left to right with orthogonal edges. Cycles are broken by
 * model order, so the back flows of loops (created last) are the ones drawn backwards.
 */
export async function layoutGraph(graph: ProcessGraph): Promise<Layout> {
  const input: ElkNode = {
    id: 'process',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '50',
    },
    children: graph.nodes.map((n) => {
      const [width, height] = SIZE[n.type]
      return { id: n.id, width, height }
    }),
    edges: graph.flows.map((f) => ({ id: f.id, sources: [f.source], targets: [f.target] })),
  }
  const laid = await new ELK().layout(input)
  const shapes = new Map<string, Bounds>()
  for (const n of laid.children ?? []) {
    shapes.set(n.id, {
      x: round(n.x) + MARGIN,
      y: round(n.y) + MARGIN,
      width: n.width ?? 0,
      height: n.height ?? 0,
    })
  }
  const edges = new Map<string, Point[]>()
  for (const e of laid.edges ?? []) {
    const section = e.sections?.[0]
    if (!section) continue
    const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]
    edges.set(
      e.id,
      points.map((p) => ({ x: round(p.x) + MARGIN, y: round(p.y) + MARGIN })),
    )
  }
  return { shapes, edges }
}

const round = (value: number | undefined): number => Math.round(value ?? 0)
