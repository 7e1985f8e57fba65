import type { FieldError } from '../../../platform/errors.js'
import type { Variant } from '../log/variants.js'
import type { ProcessTree } from '../mining/process-tree.js'
import { bpmnToPetriNet } from './bpmn-net.js'
import { replayVariants, type ConformanceReport } from './replay-log.js'
import { compileReplayModel } from './replay-model.js'
import { treeToPetriNet } from './tree-net.js'

export type BpmnConformance =
  { ok: true; report: ConformanceReport } | { ok: false; errors: FieldError[] }

/** Token replay of the variants against a BPMN model (deployed or imported). */
export async function checkConformanceToBpmn(
  xml: string,
  variants: readonly Variant[],
): Promise<BpmnConformance> {
  const net = await bpmnToPetriNet(xml)
  if (!net.ok) return net
  return { ok: true, report: replayVariants(compileReplayModel(net.net), variants) }
}

/** Token replay of the variants against a process tree (a discovered model, directly). */
export function checkConformanceToTree(
  tree: ProcessTree,
  variants: readonly Variant[],
): ConformanceReport {
  return replayVariants(compileReplayModel(treeToPetriNet(tree)), variants)
}
