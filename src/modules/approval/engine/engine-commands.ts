import type { Variables } from './engine-events.js'

/**
 * What a caller asks of an instance. `actorId` is the staff member acting; the engine checks
 * task-level rules (assignee, owner), the caller checks roles and permissions. removeSigner,
 * jump, terminate, setVariables and retryIncident are administrative: the engine records the
 * actor and leaves authorisation to the caller.
 */
export type EngineCommand =
  | { type: 'start'; variables: Variables }
  | { type: 'claim'; taskId: string; actorId: string }
  | {
      type: 'complete'
      taskId: string
      actorId: string
      /** Required on multi-instance tasks; on a plain task it sets the variable `approved`. */
      approved?: boolean
      variables?: Variables
    }
  | { type: 'transfer'; taskId: string; actorId: string; to: string }
  | { type: 'delegate'; taskId: string; actorId: string; to: string }
  | { type: 'resolve'; taskId: string; actorId: string }
  | {
      type: 'addSigner'
      taskId: string
      actorId: string
      signer: string
      position: 'before' | 'after'
    }
  /** Without `signer`: cancels task `taskId`; with it: drops that not-yet-opened signer. */
  | { type: 'removeSigner'; taskId: string; actorId: string; signer?: string }
  | { type: 'returnTo'; taskId: string; actorId: string; nodeId: string; reason: string }
  | { type: 'jump'; taskId: string; actorId: string; nodeId: string; reason: string }
  | { type: 'terminate'; actorId: string; reason: string }
  /** `withholdApproval`: an auto_approve timer only records its firing (the caller says why). */
  | { type: 'fireTimer'; timerId: string; withholdApproval?: boolean }
  | { type: 'completeService'; taskId: string; variables?: Variables }
  | { type: 'failService'; taskId: string; reason: string }
  | { type: 'retryService'; taskId: string }
  | { type: 'setVariables'; actorId: string; variables: Variables }
  | { type: 'retryIncident'; incidentId: string; actorId: string }

export type EngineCommandType = EngineCommand['type']

/** The command of a given type. */
export type CommandOf<T extends EngineCommandType> = Extract<EngineCommand, { type: T }>
