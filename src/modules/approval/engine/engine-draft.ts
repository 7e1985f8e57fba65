import { applyEvent } from './apply-event.js'
import type { EngineEvent, EventBody } from './engine-events.js'
import type { InstanceState } from './instance-state.js'
import type { ProcessModel } from './process-model.js'

/** Time, ids and the working calendar, supplied by the caller so the engine stays pure. */
export interface EngineContext {
  /** ISO time stamped on every event of this command. */
  now: string
  newId: () => string
  /** Due time of an ISO-8601 duration (days = working days); null = beyond the calendar. */
  dueAt: (duration: string, fromIso: string) => string | null
}

/**
 * One command's work in progress: the state (a private copy, or one handed over) that every
 * emitted event is applied to at once, so the engine reasons on exactly what `foldInstance` will
 * rebuild.
 */
export interface Draft {
  readonly model: ProcessModel
  readonly ctx: EngineContext
  readonly state: InstanceState
  readonly events: EngineEvent[]
  /** Tokens that arrived at a node and have yet to run it. */
  readonly queue: string[]
}

/** `state` is advanced in place: the caller copies it first unless it hands it over. */
export function createDraft(model: ProcessModel, state: InstanceState, ctx: EngineContext): Draft {
  return { model, ctx, state, events: [], queue: [] }
}

export function emit(draft: Draft, body: EventBody): void {
  const event: EngineEvent = { ...body, at: draft.ctx.now }
  draft.events.push(event)
  applyEvent(draft.state, event)
}
