import { evaluateCondition, evaluateFeel } from '../../../platform/feel/index.js'
import type { IncidentReason, Variables } from './engine-events.js'
import type { GroupState, InstanceState } from './instance-state.js'
import type { UserTaskNode } from './process-model.js'

/** The variables a completion condition sees besides the instance variables. */
export interface MiCounters {
  nrOfInstances: number
  nrOfCompletedInstances: number
  nrOfActiveInstances: number
  nrOfApprovals: number
  nrOfRejections: number
}

type PlannedSigners =
  | { ok: true; signers: Array<string | null> }
  | { ok: false; reason: IncidentReason; detail: string }

const isStaffId = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== ''

/** Multi-instance: the collection's staff ids. Plain task: the assignee, or null (role queue). */
export function plannedSigners(node: UserTaskNode, variables: Variables): PlannedSigners {
  const mi = node.multiInstance
  if (mi !== null) {
    const result = evaluateFeel(mi.collection, variables)
    const list = result.ok ? result.value : null
    if (Array.isArray(list) && list.length > 0 && list.every(isStaffId))
      return { ok: true, signers: list }
    const detail = `${mi.collection} must give a non-empty list of staff ids`
    return { ok: false, reason: 'collection_invalid', detail }
  }
  if (node.assignee === null) return { ok: true, signers: [null] }
  const result = evaluateFeel(node.assignee, variables)
  const value = result.ok ? result.value : undefined
  if (value === null) return { ok: true, signers: [null] }
  if (isStaffId(value)) return { ok: true, signers: [value] }
  return { ok: false, reason: 'assignee_invalid', detail: `${node.assignee} must give a staff id` }
}

export function countersOf(state: InstanceState, group: GroupState): MiCounters {
  const c: MiCounters = {
    nrOfInstances: 0,
    nrOfCompletedInstances: 0,
    nrOfActiveInstances: 0,
    nrOfApprovals: 0,
    nrOfRejections: 0,
  }
  for (const entry of group.entries) {
    if (entry.removed) continue
    c.nrOfInstances += 1
    const task = entry.taskId === null ? undefined : state.tasks[entry.taskId]
    if (task?.status === 'open' || task?.status === 'suspended') c.nrOfActiveInstances += 1
    if (task?.status !== 'completed') continue
    c.nrOfCompletedInstances += 1
    if (task.approved === true) c.nrOfApprovals += 1
    if (task.approved === false) c.nrOfRejections += 1
  }
  return c
}

type Verdict = { done: false } | { done: true; approved: boolean | null }

const WAIT: Verdict = { done: false }
const done = (approved: boolean | null): Verdict => ({ done: true, approved })

/**
 * Whether a user-task activation is over, and its outcome. With a completion condition: done
 * (approved) once it holds, else when nobody is left (not approved). Without one: parallel
 * (会签) waits for all and approves without rejections; sequential and plain tasks stop at the
 * first rejection.
 */
export function decideGroup(
  node: UserTaskNode,
  group: GroupState,
  c: MiCounters,
  variables: Variables,
): Verdict {
  const undecided = c.nrOfInstances - c.nrOfCompletedInstances
  const condition = node.multiInstance?.completionCondition ?? null
  if (condition !== null) {
    if (evaluateCondition(condition, { ...variables, ...c }) === true) return done(true)
    return undecided === 0 ? done(false) : WAIT
  }
  if (group.mode === 'parallel') return undecided === 0 ? done(c.nrOfRejections === 0) : WAIT
  if (c.nrOfRejections > 0) return done(false)
  if (undecided > 0) return WAIT
  return done(group.mode === 'sequential' || c.nrOfApprovals > 0 ? true : null)
}
