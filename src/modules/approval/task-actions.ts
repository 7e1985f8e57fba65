import {
  advance,
  type EngineCommand,
  type InstanceState,
  type ProcessModel,
} from './engine/index.js'
import type { CaseFacts } from './case-status.js'

/** What a staff member may do on a task now, as the task page offers it. */
export type TaskAction =
  | 'claim'
  | 'approve'
  | 'reject'
  | 'correction'
  | 'return'
  | 'transfer'
  | 'delegate'
  | 'resolve'
  | 'addSigner'
  | 'removeSigner'
  | 'copy'
  | 'extension'

// A staff id no one has: the probes below only ask whether the engine would accept the shape.
const PROBE = '\u0000probe'

/**
 * The actions the engine accepts on this task for this actor, found by trying each command on
 * the folded state (advance is pure without handOver: nothing is written), plus the case rules
 * the services add (no decision while the applicant corrects; one extension).
 */
export function allowedActions(
  model: ProcessModel,
  state: InstanceState,
  facts: CaseFacts,
  taskId: string,
  actorId: string,
  now: string,
): { actions: TaskAction[]; returnTargets: string[] } {
  let n = 0
  const ctx = { now, newId: () => `probe-${++n}`, dueAt: () => null }
  const accepts = (command: EngineCommand) => {
    try {
      return advance(model, state, command, ctx).ok
    } catch {
      // A probe the engine cannot even evaluate is not an action to offer.
      return false
    }
  }
  const base = { taskId, actorId }
  const actions: TaskAction[] = []
  if (facts.finished) return { actions, returnTargets: [] }
  const correcting = facts.correction !== null
  if (accepts({ type: 'claim', ...base })) actions.push('claim')
  const decidable = !correcting && accepts({ type: 'complete', ...base, approved: true })
  if (decidable) actions.push('approve', 'reject', 'correction')
  const task = state.tasks[taskId]
  const returnTargets = [...(model.returnTargets.get(task?.nodeId ?? '') ?? [])].filter((nodeId) =>
    accepts({ type: 'returnTo', ...base, nodeId, reason: 'probe' }),
  )
  if (returnTargets.length > 0) actions.push('return')
  for (const mode of ['transfer', 'delegate'] as const)
    if (accepts({ type: mode, ...base, to: PROBE })) actions.push(mode)
  if (accepts({ type: 'resolve', ...base })) actions.push('resolve')
  if (accepts({ type: 'addSigner', ...base, signer: PROBE, position: 'after' }))
    actions.push('addSigner')
  if (accepts({ type: 'removeSigner', ...base })) actions.push('removeSigner')
  const mine = task?.status === 'open' && task.assignee === actorId
  if (mine) actions.push('copy')
  if (mine && !facts.extended && !facts.pendingExtension) actions.push('extension')
  return { actions, returnTargets }
}
