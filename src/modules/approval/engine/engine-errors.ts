/** Why a command was refused; the state is unchanged. Callers map codes to their own errors. */
export type EngineErrorCode =
  | 'already_started'
  | 'model_mismatch'
  | 'instance_not_running'
  | 'invalid_variables'
  | 'task_not_found'
  | 'task_not_open'
  | 'task_suspended'
  | 'not_assignee'
  | 'not_claimable'
  | 'task_delegated'
  | 'not_delegated'
  | 'approval_required'
  | 'unknown_node'
  | 'illegal_target'
  | 'reason_required'
  | 'invalid_signer'
  | 'unknown_signer'
  | 'last_signer'
  | 'not_supported'
  | 'timer_not_found'
  | 'timer_not_pending'
  | 'timer_not_due'
  | 'service_not_failed'
  | 'incident_not_found'
  | 'incident_not_open'

export interface EngineError {
  code: EngineErrorCode
  /** Developer-facing detail (ids involved); not for end users. */
  detail: string
}

export function engineError(code: EngineErrorCode, detail = ''): EngineError {
  return { code, detail }
}

/** Thrown inside the engine when the state names a node the model lacks; advance reports it. */
export class ModelMismatchError extends Error {
  constructor(readonly nodeId: string) {
    super(`node ${nodeId} is not in the model`)
    this.name = 'ModelMismatchError'
  }
}
