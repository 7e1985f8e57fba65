import { evaluateCondition } from '../../../platform/feel/index.js'
import { emit, type Draft } from './engine-draft.js'
import type { Variables } from './engine-events.js'
import type { TokenState } from './instance-state.js'
import { leaveNode } from './propagate.js'
import type { GatewayNode, ProcessModel, ProcessNode } from './process-model.js'

/**
 * The flows a token leaves `node` by. Parallel: all. Exclusive: the first (document order)
 * whose condition holds or that has none. Others (inclusive, tasks, events): every such flow.
 * When none qualifies, the default flow; an empty list means an incident.
 */
export function selectFlows(
  model: ProcessModel,
  node: ProcessNode,
  variables: Variables,
): string[] {
  if (node.kind === 'parallelGateway') return [...node.outgoing]
  const holds = (id: string): boolean => {
    const condition = model.flows.get(id)?.condition ?? null
    return condition === null || evaluateCondition(condition, variables) === true
  }
  const candidates = node.outgoing.filter((id) => id !== node.defaultFlowId)
  const taken =
    node.kind === 'exclusiveGateway'
      ? candidates.filter(holds).slice(0, 1)
      : candidates.filter(holds)
  if (taken.length > 0) return taken
  return node.defaultFlowId === null ? [] : [node.defaultFlowId]
}

/** A token arrived at a gateway: wait at a join, or go on. Relocated tokens never wait. */
export function enterGateway(draft: Draft, token: TokenState, node: GatewayNode): void {
  const joining = token.viaFlowId !== null && node.incoming.length > 1
  if (!joining || node.kind === 'exclusiveGateway') leaveNode(draft, token.id, node)
  else if (node.kind === 'parallelGateway') tryParallelJoin(draft, node)
  // an inclusive join waits; fireInclusiveJoin decides when no other token can still arrive
}

function tryParallelJoin(draft: Draft, node: GatewayNode): void {
  const waiting = Object.values(draft.state.tokens).filter((t) => t.nodeId === node.id)
  const picked: string[] = []
  for (const flowId of node.incoming) {
    const token = waiting.find((t) => t.viaFlowId === flowId)
    if (token === undefined) return
    picked.push(token.id)
  }
  join(draft, node, picked)
}

/** Fires one inclusive join that holds tokens and can receive no more; false if none can. */
export function fireInclusiveJoin(draft: Draft): boolean {
  const tokens = Object.values(draft.state.tokens)
  for (const [joinId, upstream] of draft.model.upstream) {
    const waiting = tokens.filter((t) => t.nodeId === joinId && t.viaFlowId !== null)
    if (waiting.length === 0) continue
    if (tokens.some((t) => t.nodeId !== joinId && upstream.has(t.nodeId))) continue
    const node = draft.model.nodes.get(joinId)
    if (node?.kind !== 'inclusiveGateway') continue
    join(
      draft,
      node,
      waiting.map((t) => t.id),
    )
    return true
  }
  return false
}

function join(draft: Draft, node: GatewayNode, tokenIds: string[]): void {
  const tokenId = draft.ctx.newId()
  emit(draft, { type: 'tokens_joined', nodeId: node.id, tokenIds, tokenId })
  leaveNode(draft, tokenId, node)
}
