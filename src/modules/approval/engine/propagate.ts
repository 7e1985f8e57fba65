import { emit, type Draft } from './engine-draft.js'
import { ModelMismatchError } from './engine-errors.js'
import { enterGateway, fireInclusiveJoin, selectFlows } from './gateways.js'
import { raiseIncident } from './incidents.js'
import type { TokenState } from './instance-state.js'
import type { ProcessNode } from './process-model.js'
import { openService } from './service-tasks.js'
import { openUserTask } from './user-tasks.js'

/**
 * Moves queued tokens until each waits at a user task, service task, join or incident, or has
 * ended; then completes the instance when no token is left.
 */
export function run(draft: Draft): void {
  do {
    for (let id = draft.queue.shift(); id !== undefined; id = draft.queue.shift()) {
      const token = draft.state.tokens[id]
      if (token !== undefined) enterNode(draft, token)
    }
  } while (fireInclusiveJoin(draft))
  const { state } = draft
  if (state.status === 'running' && Object.keys(state.tokens).length === 0)
    emit(draft, { type: 'instance_completed', endNodeIds: [...state.endNodeIds] })
}

function enterNode(draft: Draft, token: TokenState): void {
  const node = draft.model.nodes.get(token.nodeId)
  if (node === undefined) throw new ModelMismatchError(token.nodeId)
  switch (node.kind) {
    case 'startEvent':
    case 'boundaryEvent':
      leaveNode(draft, token.id, node)
      return
    case 'endEvent':
      emit(draft, { type: 'token_ended', tokenId: token.id, nodeId: node.id })
      return
    case 'userTask':
      openUserTask(draft, token, node)
      return
    case 'serviceTask':
      openService(draft, token, node)
      return
    case 'parallelGateway':
    case 'exclusiveGateway':
    case 'inclusiveGateway':
      enterGateway(draft, token, node)
      return
  }
}

/** Sends the token on along the flows `node` selects, or raises an incident if none. */
export function leaveNode(draft: Draft, tokenId: string, node: ProcessNode): void {
  const flows = selectFlows(draft.model, node, draft.state.variables)
  if (flows.length > 0) {
    moveAlong(draft, tokenId, node.id, flows)
    return
  }
  raiseIncident(draft, {
    nodeId: node.id,
    tokenId,
    taskId: null,
    reason: 'no_matching_flow',
    detail: `no outgoing flow of ${node.id} applies and there is no default flow`,
    retry: 'leave',
  })
}

function moveAlong(draft: Draft, tokenId: string, nodeId: string, flowIds: string[]): void {
  const target = (flowId: string) => draft.model.flows.get(flowId)?.target ?? ''
  const [only] = flowIds
  if (flowIds.length === 1 && only !== undefined) {
    emit(draft, { type: 'token_moved', tokenId, flowId: only, to: target(only) })
    draft.queue.push(tokenId)
    return
  }
  const children = flowIds.map((flowId) => ({
    tokenId: draft.ctx.newId(),
    flowId,
    to: target(flowId),
  }))
  emit(draft, { type: 'token_forked', tokenId, nodeId, children })
  for (const child of children) draft.queue.push(child.tokenId)
}

/** Queues a token to run the node it sits at. */
export function enqueue(draft: Draft, tokenId: string): void {
  draft.queue.push(tokenId)
}
