import type { Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import type { RootDb } from '../../platform/db/database.js'
import { DomainError } from '../../platform/errors.js'
import type { ApprovalDeps } from './approval.deps.js'
import { approvalStore } from './approval.store.js'
import type { ApprovalTables, CaseRow, NewActionRow } from './approval.tables.js'
import { readLog, toActionRow } from './case-log.js'
import { foldCase, type CaseAction, type CaseFacts } from './case-status.js'
import { dueAt } from './due-at.js'
import {
  advance,
  foldInstance,
  type EngineCommand,
  type EngineEvent,
  type InstanceState,
  type ProcessModel,
} from './engine/index.js'
import { engineErrorToDomain } from './engine-error-map.js'
import { projectTasks } from './task-projection.js'

type Trx = Transaction<ApprovalTables>

/** A case opened inside one transaction: its log, folded, and what this step appends. */
export interface CaseSession {
  row: CaseRow
  model: ProcessModel
  engine: EngineEvent[]
  caseActions: CaseAction[]
  state: InstanceState
  pending: NewActionRow[]
  /** A case being started: its row is inserted by its first commit, with the status it reached. */
  unsaved?: boolean
}

interface Snapshot {
  version: number
  engine: EngineEvent[]
  caseActions: CaseAction[]
  state: InstanceState
}

const SNAPSHOTS_KEPT = 2_000

export const SERVICE_JOB = 'approval.service-task'
export const TIMER_JOB = 'approval.timer'
export const RATING_DEFAULT_JOB = 'approval.rating-default'

/** Runs engine commands and case actions on a case, one transaction per step. */
export function createCaseSessions(
  deps: ApprovalDeps,
  modelOf: (row: CaseRow, within: RootDb) => Promise<ProcessModel>,
) {
  const context = () => {
    const now = deps.clock.now().toISOString()
    const calendar = deps.calendar()
    return {
      now,
      newId: uuidv7,
      dueAt: (duration: string, from: string) => dueAt(calendar, duration, from),
    }
  }

  // The folded log of recently stepped cases, by case and version. Only committed steps are
  // remembered (`remember` is called after the transaction), and a step from any other path or
  // instance moves the version, so a remembered log is used only while it is still the truth.
  const snapshots = new Map<string, Snapshot>()

  async function open(trx: Trx, row: CaseRow): Promise<CaseSession> {
    const model = await modelOf(row, trx)
    const known = snapshots.get(row.id)
    if (known && known.version === row.version) {
      // The session takes the remembered log over: the engine advances its state in place, so
      // it leaves the cache until this step commits (a step that fails or loses a race is
      // folded from the log next time; two steps at once never share one state).
      snapshots.delete(row.id)
      const { engine, caseActions, state } = known
      return { row, model, engine, caseActions, state, pending: [] }
    }
    const { engine, caseActions } = readLog(await approvalStore.listActionsOfCase(trx, row.id))
    return { row, model, engine, caseActions, state: foldInstance(engine), pending: [] }
  }

  /**
   * The folded log for a read that changes nothing (the merged correction notice): a remembered
   * log is shared, not taken over, so the caller must not run or note anything on it.
   */
  async function peek(trx: Trx, row: CaseRow): Promise<Readonly<CaseSession>> {
    const known = snapshots.get(row.id)
    if (!known || known.version !== row.version) return open(trx, row)
    const { engine, caseActions, state } = known
    return { row, model: await modelOf(row, trx), engine, caseActions, state, pending: [] }
  }

  /** A case inserted in this transaction: its log is empty, so there is nothing to read. */
  async function openNew(trx: Trx, row: CaseRow): Promise<CaseSession> {
    const model = await modelOf(row, trx)
    return {
      row,
      model,
      engine: [],
      caseActions: [],
      state: foldInstance([]),
      pending: [],
      unsaved: true,
    }
  }

  /** After the step's transaction committed: its case log may be used by the next step. */
  function remember(session: CaseSession): void {
    const { row, engine, caseActions, state } = session
    if (snapshots.size >= SNAPSHOTS_KEPT) snapshots.delete(snapshots.keys().next().value ?? row.id)
    snapshots.delete(row.id)
    snapshots.set(row.id, { version: row.version, engine, caseActions, state })
  }

  async function load(trx: Trx, caseId: string): Promise<CaseSession> {
    const row = await approvalStore.findCase(trx, caseId)
    if (!row) throw new DomainError('APPROVAL_CASE_NOT_FOUND')
    return open(trx, row)
  }

  /** Applies one engine command; its events are written, projected and scheduled. */
  async function run(trx: Trx, session: CaseSession, command: EngineCommand, actor: Actor) {
    const result = advance(session.model, session.state, command, context(), { handOver: true })
    if (!result.ok) {
      // A refused command may have half-advanced the handed-over state: fold it again, so a
      // caller that goes on (a service task recorded as failed) works on the truth.
      session.state = foldInstance(session.engine)
      throw engineErrorToDomain(result.error)
    }
    session.engine.push(...result.events)
    session.state = result.state
    for (const event of result.events)
      session.pending.push(toActionRow(session.row, 'engine', event, actor))
    await projectTasks(trx, session, result.events)
    await schedule(trx, session, result.events)
    return result.events
  }

  function note(session: CaseSession, action: CaseAction, actor: Actor): void {
    session.caseActions.push(action)
    session.pending.push(toActionRow(session.row, 'case', action, actor))
  }

  function facts(session: CaseSession): CaseFacts {
    const approved = session.state.variables.approved
    return foldCase(session.caseActions, {
      status: session.state.status === 'new' ? 'running' : session.state.status,
      approved: typeof approved === 'boolean' ? approved : null,
    })
  }

  /** Writes the step: its actions and the case's new status, refused if another step won. */
  async function commit(trx: Trx, session: CaseSession): Promise<CaseFacts> {
    const now = deps.clock.now().toISOString()
    const f = facts(session)
    await approvalStore.insertActions(trx, session.pending)
    session.pending = []
    const step = {
      status: f.status,
      finished_at: f.finished ? (session.row.finished_at ?? now) : null,
      updated_at: now,
    }
    if (session.unsaved) {
      // One INSERT of the state the start reached, rather than an INSERT and an UPDATE.
      await approvalStore.insertCase(trx, {
        ...session.row,
        ...step,
        version: session.row.version + 1,
      })
      session.unsaved = false
    } else {
      const changed = await approvalStore.advanceCase(
        trx,
        session.row.id,
        session.row.version,
        step,
      )
      if (changed !== 1) throw new DomainError('APPROVAL_CONCURRENT_CHANGE')
    }
    if (session.row.finished_at === null && (f.status === 'approved' || f.status === 'rejected'))
      await deps.queue.enqueue(trx, {
        kind: RATING_DEFAULT_JOB,
        payload: { caseId: session.row.id },
        runAt: new Date(Date.parse(now) + deps.ratings.defaultAfterDays * 86_400_000),
        dedupeKey: `approval-rating-default:${session.row.id}`,
      })
    session.row = {
      ...session.row,
      version: session.row.version + 1,
      status: f.status,
      finished_at: f.finished ? (session.row.finished_at ?? now) : null,
    }
    return f
  }

  async function schedule(trx: Trx, session: CaseSession, events: readonly EngineEvent[]) {
    for (const event of events) {
      if (event.type === 'service_opened' || event.type === 'service_retried') {
        const service = session.state.services[event.taskId]
        await deps.queue.enqueue(trx, {
          kind: SERVICE_JOB,
          payload: { caseId: session.row.id, taskId: event.taskId, topic: service?.topic ?? '' },
        })
      }
      if (event.type === 'timer_scheduled' && event.dueAt !== null) {
        await deps.queue.enqueue(trx, {
          kind: TIMER_JOB,
          payload: { caseId: session.row.id, timerId: event.timerId },
          runAt: new Date(event.dueAt),
          dedupeKey: `approval-timer:${event.timerId}`,
        })
      }
    }
  }

  return { open, peek, openNew, load, run, note, facts, commit, remember }
}

export type CaseSessions = ReturnType<typeof createCaseSessions>
