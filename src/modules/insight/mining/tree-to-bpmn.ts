import { treeToProcessGraph } from './bpmn-graph.js'
import { layoutGraph } from './bpmn-layout.js'
import { writeBpmn, type ProcessNaming } from './bpmn-writer.js'
import type { ProcessTree } from './process-tree.js'

const DEFAULT_NAMING: ProcessNaming = {
  processId: 'Process_discovered',
  name: '发现的流程 Discovered process',
}

/**
 * BPMN 2.0 XML of a process tree, with a diagram laid out by ELK, that bpmn-js opens and the
 * approval engine compiles: user tasks for activities, exclusive gateways for × and ↺, parallel
 * gateways for ∧ (conditions are not discovered, so an exclusive split has none).
 */
export async function processTreeToBpmn(
  tree: ProcessTree,
  naming: ProcessNaming = DEFAULT_NAMING,
): Promise<string> {
  const graph = treeToProcessGraph(tree)
  return writeBpmn(graph, await layoutGraph(graph), naming)
}
