import type {
  InstanceCompleted,
  InstanceStarted,
  InstanceTerminated,
  TokenCreated,
  TokenEnded,
  TokenForked,
  TokenMoved,
  TokenRelocated,
  TokensJoined,
  VariablesSet,
} from './engine-events.js'
import type { InstanceState } from './instance-state.js'
import { mergeVariables } from './variables.js'

export function instanceStarted(state: InstanceState, event: InstanceStarted): void {
  state.status = 'running'
  state.processId = event.processId
  state.startedAt = event.at
  mergeVariables(state.variables, event.variables)
}

export function tokenCreated(state: InstanceState, event: TokenCreated): void {
  state.tokens[event.tokenId] = { id: event.tokenId, nodeId: event.nodeId, viaFlowId: null }
}

export function tokenMoved(state: InstanceState, event: TokenMoved): void {
  place(state, event.tokenId, event.to, event.flowId)
}

export function tokenForked(state: InstanceState, event: TokenForked): void {
  delete state.tokens[event.tokenId]
  for (const c of event.children)
    state.tokens[c.tokenId] = { id: c.tokenId, nodeId: c.to, viaFlowId: c.flowId }
}

export function tokensJoined(state: InstanceState, event: TokensJoined): void {
  for (const id of event.tokenIds) delete state.tokens[id]
  state.tokens[event.tokenId] = { id: event.tokenId, nodeId: event.nodeId, viaFlowId: null }
}

export function tokenRelocated(state: InstanceState, event: TokenRelocated): void {
  place(state, event.tokenId, event.to, null)
}

export function tokenEnded(state: InstanceState, event: TokenEnded): void {
  delete state.tokens[event.tokenId]
  if (!state.endNodeIds.includes(event.nodeId)) state.endNodeIds.push(event.nodeId)
}

export function variablesSet(state: InstanceState, event: VariablesSet): void {
  mergeVariables(state.variables, event.variables)
}

export function instanceCompleted(state: InstanceState, event: InstanceCompleted): void {
  state.status = 'completed'
  state.endedAt = event.at
}

export function instanceTerminated(state: InstanceState, event: InstanceTerminated): void {
  state.status = 'terminated'
  state.endedAt = event.at
  state.terminated = { by: event.by, reason: event.reason }
  state.tokens = {}
}

function place(state: InstanceState, id: string, nodeId: string, via: string | null): void {
  const token = state.tokens[id]
  if (token === undefined) return
  token.nodeId = nodeId
  token.viaFlowId = via
}
