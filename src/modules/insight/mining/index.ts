/** Discovery of process models: Inductive Miner – infrequent, process trees, BPMN output. */

/** IMf over variants (noise 0…1, default 0.2) → a process tree. */
export { discoverProcessTree, DEFAULT_NOISE_THRESHOLD } from './inductive-miner.js'
export type { MinerOptions } from './inductive-miner.js'
/** Process trees, their notation (→ × ∧ ↺ τ) and activities. */
export { canonicalTree, formatTree, treeActivities } from './process-tree.js'
export type { ProcessTree, TreeOperator } from './process-tree.js'
/** BPMN 2.0 XML (with an ELK-laid-out diagram) of a process tree. */
export { processTreeToBpmn } from './tree-to-bpmn.js'
export type { ProcessNaming } from './bpmn-writer.js'
