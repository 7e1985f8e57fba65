import type { EngineCommand } from './engine-commands.js'
import { createDraft, emit, type Draft, type EngineContext } from './engine-draft.js'
import { engineError, ModelMismatchError, type EngineError } from './engine-errors.js'
import type { EngineEvent } from './engine-events.js'
import { retryIncident } from './incidents.js'
import type { InstanceState } from './instance-state.js'
import type { ProcessModel } from './process-model.js'
import { enqueue, run } from './propagate.js'
import { jump, returnTo, setVariables, terminate } from './route-commands.js'
import { completeService, failService, reopenService } from './service-tasks.js'
import { addSigner, removeSigner } from './signer-commands.js'
import { claim, complete, reassign, resolve } from './task-commands.js'
import { fireTimer } from './timers.js'
import { normaliseVariables } from './variables.js'

/** `state` is the state after the events: what `foldInstance(events, state)` would rebuild. */
export type AdvanceResult =
  { ok: true; events: EngineEvent[]; state: InstanceState } | { ok: false; error: EngineError }

export interface AdvanceOptions {
  /**
   * The caller hands `state` over: it is advanced in place instead of copied first, and after a
   * refused command it may be half-advanced, so the caller must fold it again from its events.
   * For a caller that owns the only reference (a case step's session); copying the state was the
   * largest single cost of a step.
   */
  handOver?: boolean
}

/**
 * Applies one command to an instance: returns the events to append (the caller stores them and
 * re-folds), or why the command was refused. Pure unless `options.handOver`: time and ids come
 * from `ctx`, and `state` is left as it was.
 */
export function advance(
  model: ProcessModel,
  state: InstanceState,
  command: EngineCommand,
  ctx: EngineContext,
  options: AdvanceOptions = {},
): AdvanceResult {
  if (state.processId !== null && state.processId !== model.processId)
    return { ok: false, error: engineError('model_mismatch', model.processId) }
  if (command.type === 'start' && state.status !== 'new')
    return { ok: false, error: engineError('already_started') }
  if (command.type !== 'start' && state.status !== 'running')
    return { ok: false, error: engineError('instance_not_running', state.status) }
  const draft = createDraft(model, options.handOver ? state : structuredClone(state), ctx)
  try {
    const error = dispatch(draft, command)
    if (error !== null) return { ok: false, error }
    run(draft)
  } catch (error) {
    if (!(error instanceof ModelMismatchError)) throw error
    return { ok: false, error: engineError('model_mismatch', error.nodeId) }
  }
  return { ok: true, events: draft.events, state: draft.state }
}

function dispatch(draft: Draft, command: EngineCommand): EngineError | null {
  switch (command.type) {
    case 'start':
      return start(draft, command.variables)
    case 'claim':
      return claim(draft, command)
    case 'complete':
      return complete(draft, command)
    case 'transfer':
    case 'delegate':
      return reassign(draft, command)
    case 'resolve':
      return resolve(draft, command)
    case 'addSigner':
      return addSigner(draft, command)
    case 'removeSigner':
      return removeSigner(draft, command)
    case 'returnTo':
      return returnTo(draft, command)
    case 'jump':
      return jump(draft, command)
    case 'terminate':
      return terminate(draft, command)
    case 'fireTimer':
      return fireTimer(draft, command)
    case 'completeService':
      return completeService(draft, command)
    case 'failService':
      return failService(draft, command)
    case 'retryService':
      return reopenService(draft, command.taskId, null)
    case 'setVariables':
      return setVariables(draft, command)
    case 'retryIncident':
      return retryIncident(draft, command.incidentId, command.actorId)
  }
}

function start(draft: Draft, input: unknown): EngineError | null {
  const variables = normaliseVariables(input)
  if (variables === null) return engineError('invalid_variables')
  const { model } = draft
  emit(draft, { type: 'instance_started', processId: model.processId, variables })
  const tokenId = draft.ctx.newId()
  emit(draft, { type: 'token_created', tokenId, nodeId: model.startNodeId })
  enqueue(draft, tokenId)
  return null
}
