import { BpmnModdle, type ModdleElement } from 'bpmn-moddle'
import { describe, expect, it } from 'vitest'
import { checkRunnableProcess } from '../../../src/modules/approval/index.js'
import { discoverProcessTree } from '../../../src/modules/insight/mining/inductive-miner.js'
import {
  activity,
  loop,
  sequence,
  TAU,
  xor,
} from '../../../src/modules/insight/mining/process-tree.js'
import { processTreeToBpmn } from '../../../src/modules/insight/mining/tree-to-bpmn.js'

const RUNNING_EXAMPLE = ['rtkdj', 'rkcdp', 'rckditkdp', 'rktdj', 'rckdikcdickdj', 'rckdp']
const names: Record<string, string> = {
  r: '登记 register request',
  t: '详细审查 examine thoroughly',
  c: '简易审查 examine casually',
  k: '核对 check ticket',
  d: '决定 decide',
  i: '重新办理 reinitiate request',
  j: '驳回 reject request',
  p: '赔付 pay compensation',
}
const variants = RUNNING_EXAMPLE.map((c) => ({
  activities: [...c].map((a) => names[a]!),
  count: 1,
}))

async function parse(xml: string) {
  const parsed = await new BpmnModdle().fromXML(xml)
  const definitions = parsed.rootElement
  const process = (definitions.rootElements as ModdleElement[])[0]!
  const plane = (definitions.diagrams as ModdleElement[])[0]!.plane as ModdleElement
  const di = plane.planeElement as ModdleElement[]
  const elementOf = (e: ModdleElement) => (e.bpmnElement as ModdleElement).id
  return {
    warnings: parsed.warnings,
    elements: process.flowElements as ModdleElement[],
    shapes: new Map(di.filter((e) => e.$type === 'bpmndi:BPMNShape').map((e) => [elementOf(e), e])),
    edges: new Map(di.filter((e) => e.$type === 'bpmndi:BPMNEdge').map((e) => [elementOf(e), e])),
  }
}

describe('process tree → BPMN 2.0 XML', () => {
  it('writes a model that re-parses without warnings, with a shape for every node and an edge for every flow', async () => {
    const xml = await processTreeToBpmn(discoverProcessTree(variants, { noiseThreshold: 0 }))
    const { warnings, elements, shapes, edges } = await parse(xml)
    expect(warnings).toEqual([])
    const nodes = elements.filter((e) => e.$type !== 'bpmn:SequenceFlow')
    const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow')
    expect(
      nodes
        .filter((n) => n.$type === 'bpmn:UserTask')
        .map((n) => n.name)
        .sort(),
    ).toEqual(Object.values(names).sort())
    expect(nodes.filter((n) => n.$type === 'bpmn:ParallelGateway')).toHaveLength(2)
    for (const node of nodes) expect(shapes.has(node.id), node.id).toBe(true)
    for (const flow of flows) {
      const waypoints = edges.get(flow.id)?.waypoint as unknown[] | undefined
      expect(waypoints?.length ?? 0, flow.id).toBeGreaterThanOrEqual(2)
    }
  })

  it('lays the nodes out without overlaps (ELK layered)', async () => {
    const xml = await processTreeToBpmn(discoverProcessTree(variants, { noiseThreshold: 0 }))
    const boxes = [...(await parse(xml)).shapes.values()].map((s) => s.bounds as ModdleElement)
    const num = (b: ModdleElement, k: string) => b[k] as number
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart =
          num(a, 'x') + num(a, 'width') <= num(b, 'x') ||
          num(b, 'x') + num(b, 'width') <= num(a, 'x') ||
          num(a, 'y') + num(a, 'height') <= num(b, 'y') ||
          num(b, 'y') + num(b, 'height') <= num(a, 'y')
        expect(apart).toBe(true)
      }
    }
  })

  it('is accepted by the approval engine’s BPMN compiler', async () => {
    const xml = await processTreeToBpmn(discoverProcessTree(variants, { noiseThreshold: 0 }))
    expect(await checkRunnableProcess(xml)).toEqual([])
  })

  it('writes τ as a plain flow: an optional step is an exclusive split with a flow around it', async () => {
    const tree = sequence([activity('a'), xor([activity('b'), TAU]), loop(activity('c'), [TAU])])
    const { elements } = await parse(await processTreeToBpmn(tree))
    const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow')
    const gateways = elements.filter((e) => e.$type === 'bpmn:ExclusiveGateway')
    expect(gateways).toHaveLength(4)
    const between = (e: ModdleElement) =>
      gateways.includes(e.sourceRef as ModdleElement) &&
      gateways.includes(e.targetRef as ModdleElement)
    // ×(b, τ): split → join; then that join → ↺'s head; ↺(c, τ): tail → head
    expect(flows.filter(between)).toHaveLength(3)
  })
})
